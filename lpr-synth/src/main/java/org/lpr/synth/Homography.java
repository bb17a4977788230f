package org.lpr.synth;

/** A plane projective transform (3x3, h33 = 1) fitted to four point pairs. */
final class Homography {
    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    /** The transform taking {@code src[i]} to {@code dst[i]}; points as {x0, y0, x1, y1, ...}. */
    static Homography fit(double[] src, double[] dst) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = src[2 * i];
            double y = src[2 * i + 1];
            double u = dst[2 * i];
            double v = dst[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[col][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate corner set: three points are collinear");
            }
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[9];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        h[8] = 1;
        return new Homography(h);
    }

    /** Maps (x, y) into {@code out[0..1]}. */
    void apply(double x, double y, double[] out) {
        double w = h[6] * x + h[7] * y + h[8];
        out[0] = (h[0] * x + h[1] * y + h[2]) / w;
        out[1] = (h[3] * x + h[4] * y + h[5]) / w;
    }
}
