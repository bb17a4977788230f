package org.lpr.opencv;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Four-corner outlines (top-left, top-right, bottom-right, bottom-left) and the crops they cut. */
final class Quads {
    private Quads() {
    }

    /** The rectangle's corners, clockwise from top-left. */
    static Point[] ordered(RotatedRect r) {
        Point[] p = new Point[4];
        r.points(p);
        Arrays.sort(p, Comparator.comparingDouble((Point q) -> q.x).thenComparingDouble(q -> q.y));
        Point tl = p[0].y <= p[1].y ? p[0] : p[1];
        Point bl = p[0].y <= p[1].y ? p[1] : p[0];
        Point tr = p[2].y <= p[3].y ? p[2] : p[3];
        Point br = p[2].y <= p[3].y ? p[3] : p[2];
        return new Point[] {tl, tr, br, bl};
    }

    static double width(Point[] q) {
        return Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y);
    }

    static double height(Point[] q) {
        return Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y);
    }

    /** The quad grown about its centre by {@code sx} along its width and {@code sy} along its height. */
    static Point[] scaled(Point[] q, double sx, double sy) {
        double cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
        double cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
        double ux = (q[1].x - q[0].x + q[2].x - q[3].x) / 4; // half the width vector
        double uy = (q[1].y - q[0].y + q[2].y - q[3].y) / 4;
        double vx = (q[3].x - q[0].x + q[2].x - q[1].x) / 4; // half the height vector
        double vy = (q[3].y - q[0].y + q[2].y - q[1].y) / 4;
        ux *= sx;
        uy *= sx;
        vx *= sy;
        vy *= sy;
        return new Point[] {
            new Point(cx - ux - vx, cy - uy - vy), new Point(cx + ux - vx, cy + uy - vy),
            new Point(cx + ux + vx, cy + uy + vy), new Point(cx - ux + vx, cy - uy + vy)};
    }

    /** The quad mapped by scale factors from a resized image back to the source. */
    static Point[] rescaled(Point[] q, double fx, double fy) {
        Point[] out = new Point[4];
        for (int i = 0; i < 4; i++) {
            out[i] = new Point(q[i].x * fx, q[i].y * fy);
        }
        return out;
    }

    static Polygon polygon(Point[] q) {
        return new Polygon(List.of(
                new org.lpr.core.read.Point(q[0].x, q[0].y), new org.lpr.core.read.Point(q[1].x, q[1].y),
                new org.lpr.core.read.Point(q[2].x, q[2].y), new org.lpr.core.read.Point(q[3].x, q[3].y)));
    }

    /** The quad's content warped upright to {@code w x h} pixels (edges replicated where it leaves the image). */
    static Image warp(Mat src, Point[] q, int w, int h) {
        MatOfPoint2f from = new MatOfPoint2f(q);
        MatOfPoint2f to = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
        Mat m = Imgproc.getPerspectiveTransform(from, to);
        Mat out = new Mat();
        try {
            Imgproc.warpPerspective(src, out, m, new Size(w, h), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            return Mats.toImage(out);
        } finally {
            from.release();
            to.release();
            m.release();
            out.release();
        }
    }
}
