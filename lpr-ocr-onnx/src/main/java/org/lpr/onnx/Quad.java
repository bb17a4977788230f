package org.lpr.onnx;

import java.util.List;
import org.lpr.core.read.Point;
import org.lpr.core.read.Polygon;

/**
 * A rotated rectangle: centre, unit direction of its width (the one nearest horizontal, pointing
 * right), half width and half height.
 */
record Quad(double cx, double cy, double ux, double uy, double halfWidth, double halfHeight) {

    double width() {
        return 2 * halfWidth;
    }

    double height() {
        return 2 * halfHeight;
    }

    /** Corners clockwise from top-left, as x0,y0,x1,y1,... */
    double[] corners() {
        double vx = -uy;
        double vy = ux;
        return new double[] {
            cx - halfWidth * ux - halfHeight * vx, cy - halfWidth * uy - halfHeight * vy,
            cx + halfWidth * ux - halfHeight * vx, cy + halfWidth * uy - halfHeight * vy,
            cx + halfWidth * ux + halfHeight * vx, cy + halfWidth * uy + halfHeight * vy,
            cx - halfWidth * ux + halfHeight * vx, cy - halfWidth * uy + halfHeight * vy};
    }

    Quad scaled(double sx, double sy) {
        // non-uniform scaling of a rotated rectangle: recompute from the scaled corners
        double[] c = corners();
        double[] s = new double[8];
        for (int i = 0; i < 8; i += 2) {
            s[i] = c[i] * sx;
            s[i + 1] = c[i + 1] * sy;
        }
        return MinAreaRect.of(s);
    }

    /** Grows each side by {@code dx} along the width and {@code dy} along the height. */
    Quad grown(double dx, double dy) {
        return new Quad(cx, cy, ux, uy, halfWidth + dx, halfHeight + dy);
    }

    /** Same shape with different extents and centre offset along the quad's own axes. */
    Quad reshaped(double offsetAlong, double offsetAcross, double newHalfWidth, double newHalfHeight) {
        return new Quad(cx + offsetAlong * ux - offsetAcross * uy, cy + offsetAlong * uy + offsetAcross * ux, ux, uy,
                newHalfWidth, newHalfHeight);
    }

    Polygon toPolygon() {
        double[] c = corners();
        return new Polygon(List.of(new Point(c[0], c[1]), new Point(c[2], c[3]), new Point(c[4], c[5]), new Point(c[6], c[7])));
    }

    double minX() {
        double[] c = corners();
        return Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6]));
    }

    double maxX() {
        double[] c = corners();
        return Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6]));
    }

    double minY() {
        double[] c = corners();
        return Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7]));
    }

    double maxY() {
        double[] c = corners();
        return Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]));
    }

    /** Intersection of the axis-aligned bounding boxes over the smaller box's area: 1 when one holds the other. */
    double boxOverlapOfSmaller(Quad o) {
        double ix = Math.max(0, Math.min(maxX(), o.maxX()) - Math.max(minX(), o.minX()));
        double iy = Math.max(0, Math.min(maxY(), o.maxY()) - Math.max(minY(), o.minY()));
        double smaller = Math.min((maxX() - minX()) * (maxY() - minY()), (o.maxX() - o.minX()) * (o.maxY() - o.minY()));
        return smaller <= 0 ? 0 : ix * iy / smaller;
    }

    /** Intersection over union of the axis-aligned bounding boxes. */
    double boxIoU(Quad o) {
        double ix = Math.max(0, Math.min(maxX(), o.maxX()) - Math.max(minX(), o.minX()));
        double iy = Math.max(0, Math.min(maxY(), o.maxY()) - Math.max(minY(), o.minY()));
        double inter = ix * iy;
        double union = (maxX() - minX()) * (maxY() - minY()) + (o.maxX() - o.minX()) * (o.maxY() - o.minY()) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
