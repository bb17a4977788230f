package org.lpr.opencv;

/** Which way a plate moved across the image while it was seen (image axes: x right, y down). */
public enum TravelDirection {
    /** Moved towards the image's left edge. */
    LEFT,
    /** Moved towards the image's right edge. */
    RIGHT,
    /** Moved up the image (usually away from a rear-facing camera). */
    UP,
    /** Moved down the image (usually towards the camera). */
    DOWN,
    /** Moved less than half a plate width, or seen in one frame only. */
    STATIONARY;

    /** The direction of a move by {@code (dx, dy)} pixels of a plate {@code plateWidth} pixels wide. */
    static TravelDirection of(double dx, double dy, double plateWidth) {
        if (Math.hypot(dx, dy) < 0.5 * plateWidth) {
            return STATIONARY;
        }
        if (Math.abs(dx) >= Math.abs(dy)) {
            return dx > 0 ? RIGHT : LEFT;
        }
        return dy > 0 ? DOWN : UP;
    }
}
