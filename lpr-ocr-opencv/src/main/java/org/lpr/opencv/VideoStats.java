package org.lpr.opencv;

/**
 * What a {@link VideoPipeline} run did with a video's frames.
 *
 * @param framesRead frames decoded from the source
 * @param framesProcessed frames run through the pipeline
 * @param skippedForRate frames left out to keep under the frame-rate cap
 * @param skippedUnderLoad frames dropped because the pipeline was still busy with an earlier one
 * @param groupedReads grouped reads emitted
 */
public record VideoStats(long framesRead, long framesProcessed, long skippedForRate, long skippedUnderLoad, long groupedReads) {
}
