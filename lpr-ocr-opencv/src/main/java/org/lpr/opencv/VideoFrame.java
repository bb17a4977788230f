package org.lpr.opencv;

import java.time.Duration;
import java.util.Objects;
import org.lpr.core.image.Image;

/**
 * One decoded frame of a video.
 *
 * @param index the frame's number in the source, from 0
 * @param position the frame's time from the start of the video
 * @param image the frame's pixels
 */
public record VideoFrame(long index, Duration position, Image image) {
    /** Validates the components. */
    public VideoFrame {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(image, "image");
        if (index < 0) {
            throw new IllegalArgumentException("frame index " + index + " is negative");
        }
    }
}
