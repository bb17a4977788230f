package org.lpr.onnx;

import java.util.Arrays;

/** The smallest rotated rectangle around a point set (convex hull and rotating edges). */
final class MinAreaRect {
    private MinAreaRect() {
    }

    /** The rectangle around points given as x0,y0,x1,y1,...; its width axis is the one nearest horizontal. */
    static Quad of(double[] xy) {
        double[] hull = convexHull(xy);
        int n = hull.length / 2;
        if (n == 1) {
            return new Quad(hull[0], hull[1], 1, 0, 0, 0);
        }
        double bestArea = Double.MAX_VALUE;
        Quad best = null;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ex = hull[2 * j] - hull[2 * i];
            double ey = hull[2 * j + 1] - hull[2 * i + 1];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                continue;
            }
            ex /= len;
            ey /= len;
            double minU = Double.MAX_VALUE;
            double maxU = -Double.MAX_VALUE;
            double minV = Double.MAX_VALUE;
            double maxV = -Double.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                double u = hull[2 * k] * ex + hull[2 * k + 1] * ey;
                double v = -hull[2 * k] * ey + hull[2 * k + 1] * ex;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea - 1e-9) {
                bestArea = area;
                double cu = (minU + maxU) / 2;
                double cv = (minV + maxV) / 2;
                double cx = cu * ex - cv * ey;
                double cy = cu * ey + cv * ex;
                best = upright(cx, cy, ex, ey, (maxU - minU) / 2, (maxV - minV) / 2);
            }
        }
        return best == null ? new Quad(hull[0], hull[1], 1, 0, 0, 0) : best;
    }

    /** Chooses, of the rectangle's two axes, the one nearest horizontal as its width, pointing right. */
    private static Quad upright(double cx, double cy, double ex, double ey, double halfU, double halfV) {
        double ux = ex;
        double uy = ey;
        double hw = halfU;
        double hh = halfV;
        if (Math.abs(ey) > Math.abs(ex)) {
            // the edge direction is nearer vertical: the perpendicular is the width axis
            ux = -ey;
            uy = ex;
            hw = halfV;
            hh = halfU;
        }
        if (ux < 0) {
            ux = -ux;
            uy = -uy;
        }
        return new Quad(cx, cy, ux, uy, hw, hh);
    }

    /** Andrew's monotone chain; returns hull vertices counter-clockwise as x0,y0,... */
    static double[] convexHull(double[] xy) {
        int n = xy.length / 2;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> xy[2 * a] != xy[2 * b] ? Double.compare(xy[2 * a], xy[2 * b]) : Double.compare(xy[2 * a + 1], xy[2 * b + 1]));
        int[] h = new int[2 * n + 1];
        int k = 0;
        for (int t = 0; t < n; t++) {
            int i = idx[t];
            while (k >= 2 && cross(xy, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        for (int t = n - 2, lower = k + 1; t >= 0; t--) {
            int i = idx[t];
            while (k >= lower && cross(xy, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        int m = Math.max(1, k - 1);
        double[] out = new double[2 * m];
        for (int i = 0; i < m; i++) {
            out[2 * i] = xy[2 * h[i]];
            out[2 * i + 1] = xy[2 * h[i] + 1];
        }
        return out;
    }

    private static double cross(double[] xy, int o, int a, int b) {
        return (xy[2 * a] - xy[2 * o]) * (xy[2 * b + 1] - xy[2 * o + 1]) - (xy[2 * a + 1] - xy[2 * o + 1]) * (xy[2 * b] - xy[2 * o]);
    }
}
