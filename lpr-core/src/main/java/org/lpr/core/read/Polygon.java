package org.lpr.core.read;

import java.util.List;

/**
 * A plate outline in image coordinates: usually four corners, clockwise from top-left.
 *
 * @param points the corners, at least three
 */
public record Polygon(List<Point> points) {
    /** Copies the points and checks there are at least three. */
    public Polygon {
        points = List.copyOf(points);
        if (points.size() < 3) {
            throw new IllegalArgumentException("polygon needs at least 3 points, got " + points.size());
        }
    }

    /** The axis-aligned rectangle {@code (x, y, width, height)} as a four-corner polygon. */
    public static Polygon rectangle(double x, double y, double width, double height) {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("rectangle " + width + "x" + height + " must have positive size");
        }
        return new Polygon(List.of(new Point(x, y), new Point(x + width, y), new Point(x + width, y + height), new Point(x, y + height)));
    }

    /** The smallest x of any corner. */
    public double minX() {
        return points.stream().mapToDouble(Point::x).min().orElseThrow();
    }

    /** The smallest y of any corner. */
    public double minY() {
        return points.stream().mapToDouble(Point::y).min().orElseThrow();
    }

    /** The largest x of any corner. */
    public double maxX() {
        return points.stream().mapToDouble(Point::x).max().orElseThrow();
    }

    /** The largest y of any corner. */
    public double maxY() {
        return points.stream().mapToDouble(Point::y).max().orElseThrow();
    }

    /** Intersection over union of the two polygons' bounding boxes, 0 to 1. */
    public double boundingBoxIoU(Polygon other) {
        double ix = Math.max(0, Math.min(maxX(), other.maxX()) - Math.max(minX(), other.minX()));
        double iy = Math.max(0, Math.min(maxY(), other.maxY()) - Math.max(minY(), other.minY()));
        double inter = ix * iy;
        double union = (maxX() - minX()) * (maxY() - minY()) + (other.maxX() - other.minX()) * (other.maxY() - other.minY()) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The area the two polygons' bounding boxes share over the smaller box's area, 0 to 1: 1 when one box holds the other. */
    public double boundingBoxOverlapOfSmaller(Polygon other) {
        double ix = Math.max(0, Math.min(maxX(), other.maxX()) - Math.max(minX(), other.minX()));
        double iy = Math.max(0, Math.min(maxY(), other.maxY()) - Math.max(minY(), other.minY()));
        double smaller = Math.min((maxX() - minX()) * (maxY() - minY()), (other.maxX() - other.minX()) * (other.maxY() - other.minY()));
        return smaller <= 0 ? 0 : ix * iy / smaller;
    }
}
