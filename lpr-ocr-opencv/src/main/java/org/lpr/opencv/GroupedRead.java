package org.lpr.opencv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lpr.core.read.PlateRead;

/**
 * One vehicle's plate as seen over consecutive frames: the reading fused over every frame, when it
 * was first and last seen, in how many frames, and which way it moved.
 *
 * @param read the fused read: best text by summed confidence over the frames, its mean confidence,
 *     the fused candidates, and the outline, camera and images of the frame that read it best;
 *     {@code capturedAt} is the first sighting
 * @param firstSeen capture time of the first frame it was read in
 * @param lastSeen capture time of the last frame it was read in
 * @param frameCount in how many frames it was read
 * @param direction which way the plate moved across the image
 * @param dx horizontal move of the plate's centre from first to last sighting, pixels
 * @param dy vertical move, pixels
 * @param frames the single-frame reads that make up the group, in time order
 */
public record GroupedRead(
        PlateRead read, Instant firstSeen, Instant lastSeen, int frameCount, TravelDirection direction, double dx, double dy,
        List<PlateRead> frames) {
    /** Validates the components. */
    public GroupedRead {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(direction, "direction");
        frames = List.copyOf(frames);
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("last seen " + lastSeen + " is before first seen " + firstSeen);
        }
        if (frameCount < 1 || frameCount != frames.size()) {
            throw new IllegalArgumentException("frame count " + frameCount + " must be positive and match the " + frames.size() + " frames");
        }
    }

    /** How long the plate was in view. */
    public Duration seenFor() {
        return Duration.between(firstSeen, lastSeen);
    }
}
