package org.lpr.core.read;

/**
 * A point in image pixel coordinates (x to the right, y down).
 *
 * @param x horizontal pixel coordinate
 * @param y vertical pixel coordinate
 */
public record Point(double x, double y) {
    /** Rejects NaN and infinite coordinates. */
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point (" + x + ", " + y + ") must have finite coordinates");
        }
    }
}
