package org.lpr.onnx;

import org.lpr.core.image.Image;

/**
 * Pure Java resampling: perspective warps of a quadrilateral to an upright rectangle and resizes,
 * both bilinear on BGR bytes. Measured against OpenCV in the module README.
 */
final class Warp {
    private Warp() {
    }

    /**
     * Resizes the whole image to {@code w x h}: separable bilinear with pixel centres aligned like
     * OpenCV's {@code INTER_LINEAR}, in 8-bit fixed point (weights precomputed per column and row).
     */
    static Image resize(Image src, int w, int h) {
        int sw = src.width();
        int sh = src.height();
        byte[] in = src.bgr();
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        int[] ax = new int[w];
        double sx = (double) sw / w;
        for (int x = 0; x < w; x++) {
            double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) fx;
            x1[x] = Math.min(x0[x] + 1, sw - 1);
            ax[x] = (int) Math.round((fx - x0[x]) * 256);
            x0[x] *= 3;
            x1[x] *= 3;
        }
        byte[] out = new byte[w * h * 3];
        double sy = (double) sh / h;
        int o = 0;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, sh - 1);
            int ay = (int) Math.round((fy - y0) * 256);
            int r0 = y0 * sw * 3;
            int r1 = y1 * sw * 3;
            for (int x = 0; x < w; x++) {
                int a = ax[x];
                int i0 = x0[x];
                int i1 = x1[x];
                for (int c = 0; c < 3; c++) {
                    int top = (in[r0 + i0 + c] & 0xff) * (256 - a) + (in[r0 + i1 + c] & 0xff) * a;
                    int bottom = (in[r1 + i0 + c] & 0xff) * (256 - a) + (in[r1 + i1 + c] & 0xff) * a;
                    out[o++] = (byte) ((top * (256 - ay) + bottom * ay + (1 << 15)) >> 16);
                }
            }
        }
        return Image.ofBgr(w, h, out);
    }

    /**
     * Halves {@code image} ({@link #halve}) while it is at least twice {@code w x h} on both sides, so that a
     * final bilinear resize to {@code w x h} does not alias away thin strokes and small plates.
     */
    static Image shrunk(Image image, int w, int h) {
        Image img = image;
        while (img.width() >= 2 * Math.max(1, w) && img.height() >= 2 * Math.max(1, h)) {
            img = halve(img);
        }
        return img;
    }

    /** Halves both sides, each output pixel the mean of a 2x2 block (a last odd row or column is dropped). */
    static Image halve(Image src) {
        int w = src.width() / 2;
        int h = src.height() / 2;
        int sw = src.width();
        byte[] in = src.bgr();
        byte[] out = new byte[w * h * 3];
        int o = 0;
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * sw * 3;
            int r1 = r0 + sw * 3;
            for (int x = 0; x < w; x++) {
                int i = 2 * x * 3;
                for (int c = 0; c < 3; c++) {
                    int sum = (in[r0 + i + c] & 0xff) + (in[r0 + i + 3 + c] & 0xff) + (in[r1 + i + c] & 0xff) + (in[r1 + i + 3 + c] & 0xff);
                    out[o++] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return Image.ofBgr(w, h, out);
    }

    /**
     * Warps the quadrilateral with corners {@code c} (x0,y0,..., clockwise from top-left) in {@code src}
     * to an upright {@code w x h} image.
     */
    static Image warp(Image src, double[] c, int w, int h) {
        return sample(src, w, h, homography(c, w, h));
    }

    /** The 3x3 matrix mapping output pixel (x, y) to source coordinates, for a quad mapped to [0,w]x[0,h]. */
    static double[] homography(double[] c, int w, int h) {
        double[][] dst = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = dst[i][0];
            double y = dst[i][1];
            double u = c[2 * i];
            double v = c[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] s = solve(a);
        return new double[] {s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 1};
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double d = a[col][col];
            if (Math.abs(d) < 1e-12) {
                throw new IllegalArgumentException("degenerate quadrilateral: its corners are collinear");
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / d;
                    if (f != 0) {
                        for (int k = col; k <= n; k++) {
                            a[r][k] -= f * a[col][k];
                        }
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    /** Samples {@code src} bilinearly where {@code m} maps each output pixel centre, edge pixels replicated. */
    private static Image sample(Image src, int w, int h, double[] m) {
        byte[] in = src.bgr();
        int sw = src.width();
        int sh = src.height();
        byte[] out = new byte[w * h * 3];
        int o = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // pixel centres: output (x + 0.5, y + 0.5) maps to source centre coordinates, less 0.5
                double px = x + 0.5;
                double py = y + 0.5;
                double z = m[6] * px + m[7] * py + m[8];
                double fx = (m[0] * px + m[1] * py + m[2]) / z - 0.5;
                double fy = (m[3] * px + m[4] * py + m[5]) / z - 0.5;
                if (fx < 0) {
                    fx = 0;
                } else if (fx > sw - 1) {
                    fx = sw - 1;
                }
                if (fy < 0) {
                    fy = 0;
                } else if (fy > sh - 1) {
                    fy = sh - 1;
                }
                int x0 = (int) fx;
                int y0 = (int) fy;
                int x1 = Math.min(x0 + 1, sw - 1);
                int y1 = Math.min(y0 + 1, sh - 1);
                double ax = fx - x0;
                double ay = fy - y0;
                int i00 = (y0 * sw + x0) * 3;
                int i01 = (y0 * sw + x1) * 3;
                int i10 = (y1 * sw + x0) * 3;
                int i11 = (y1 * sw + x1) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double top = (in[i00 + ch] & 0xff) * (1 - ax) + (in[i01 + ch] & 0xff) * ax;
                    double bottom = (in[i10 + ch] & 0xff) * (1 - ax) + (in[i11 + ch] & 0xff) * ax;
                    out[o++] = (byte) (int) (top * (1 - ay) + bottom * ay + 0.5);
                }
            }
        }
        return Image.ofBgr(w, h, out);
    }
}
