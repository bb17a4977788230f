package org.lpr.opencv;

import org.lpr.core.pipeline.LprResult;

/** Receives what a {@link VideoPipeline} makes of a video: every processed frame's reads, and the grouped reads. */
public interface VideoListener {
    /** The single-frame reads (and alerts) of one processed frame. */
    void onFrame(VideoFrame frame, LprResult result);

    /** One vehicle's reads grouped over frames; the default ignores them. */
    default void onGroupedRead(GroupedRead group) {
    }
}
