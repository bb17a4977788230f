package org.lpr.synth;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** What a camera does to a plate: projection, background, light, blur, noise and compression. */
final class PhotoEffects {
    private PhotoEffects() {
    }

    /**
     * Projects {@code plate} through a homography into a new {@code w x h} image whose other pixels
     * come from {@code background}; {@code quad} holds the plate's corners in the output, clockwise
     * from top-left.
     */
    static void warpInto(BufferedImage plate, BufferedImage target, double[] quad) {
        int pw = plate.getWidth();
        int ph = plate.getHeight();
        double[] src = {0, 0, pw, 0, pw, ph, 0, ph};
        Homography inverse = Homography.fit(quad, src);
        int[] plateRgb = plate.getRGB(0, 0, pw, ph, null, 0, pw);
        int w = target.getWidth();
        int h = target.getHeight();
        int[] out = target.getRGB(0, 0, w, h, null, 0, w);
        double minX = Math.max(0, Math.floor(Math.min(Math.min(quad[0], quad[2]), Math.min(quad[4], quad[6]))));
        double maxX = Math.min(w, Math.ceil(Math.max(Math.max(quad[0], quad[2]), Math.max(quad[4], quad[6]))));
        double minY = Math.max(0, Math.floor(Math.min(Math.min(quad[1], quad[3]), Math.min(quad[5], quad[7]))));
        double maxY = Math.min(h, Math.ceil(Math.max(Math.max(quad[1], quad[3]), Math.max(quad[5], quad[7]))));
        double[] p = new double[2];
        for (int y = (int) minY; y < maxY; y++) {
            for (int x = (int) minX; x < maxX; x++) {
                inverse.apply(x + 0.5, y + 0.5, p);
                double sx = p[0] - 0.5;
                double sy = p[1] - 0.5;
                if (sx < -0.5 || sy < -0.5 || sx > pw - 0.5 || sy > ph - 0.5) {
                    continue;
                }
                out[y * w + x] = bilinear(plateRgb, pw, ph, sx, sy);
            }
        }
        target.setRGB(0, 0, w, h, out, 0, w);
    }

    private static int bilinear(int[] rgb, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int x1 = Math.min(w - 1, Math.max(0, x0 + 1));
        int y1 = Math.min(h - 1, Math.max(0, y0 + 1));
        x0 = Math.min(w - 1, Math.max(0, x0));
        y0 = Math.min(h - 1, Math.max(0, y0));
        int a = rgb[y0 * w + x0];
        int b = rgb[y0 * w + x1];
        int c = rgb[y1 * w + x0];
        int d = rgb[y1 * w + x1];
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
            double bottom = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
            out |= ((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return out;
    }

    /** Scales {@code img} to {@code w x h} in halving steps, so that shrinking does not alias. */
    static BufferedImage resize(BufferedImage img, int w, int h) {
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return cur.getWidth() == w && cur.getHeight() == h ? cur : draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Fills {@code img} with a car-body or street-like background. */
    static void background(BufferedImage img, SplittableRandom r) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = new int[w * h];
        int base = r.nextDouble() < 0.4 ? grey(r.nextInt(20, 240)) : (r.nextInt(256) << 16) | (r.nextInt(256) << 8) | r.nextInt(256);
        int other = r.nextDouble() < 0.5 ? base : grey(r.nextInt(10, 200));
        double split = r.nextDouble();
        boolean horizontal = r.nextBoolean();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = horizontal ? (double) y / h : (double) x / w;
                int c = t < split ? base : other;
                int n = r.nextInt(-6, 7);
                px[y * w + x] = add(c, n, n, n);
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    /** Light, blur, noise and compression, each applied at random. */
    static BufferedImage degrade(BufferedImage img, SplittableRandom r) {
        return degrade(img, r, img.getWidth(), img.getHeight());
    }

    /**
     * As {@link #degrade(BufferedImage, SplittableRandom)}, with blur lengths sized for a subject of
     * {@code subjectW x subjectH} (for a crop, the crop itself; for a scene, about its largest plate).
     */
    static BufferedImage degrade(BufferedImage img, SplittableRandom r, int subjectW, int subjectH) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);

        if (r.nextDouble() < 0.3) {
            px = blur(px, w, h, 1 + r.nextInt(Math.max(1, Math.min(2, subjectH / 40 + 1))), subjectH > 60 && r.nextDouble() < 0.3);
        }
        if (r.nextDouble() < 0.12) {
            px = motionBlur(px, w, h, 2 + r.nextInt(Math.max(1, subjectW / 40 + 1)));
        }
        double gain = r.nextDouble() < 0.2 ? 0.35 + r.nextDouble() * 0.4 : 0.8 + r.nextDouble() * 0.4;
        double offset = r.nextDouble() * 30 - 10;
        double[] tint = {1 + (r.nextDouble() - 0.5) * 0.25, 1 + (r.nextDouble() - 0.5) * 0.15, 1 + (r.nextDouble() - 0.5) * 0.25};
        boolean glare = r.nextDouble() < 0.12;
        double gx = r.nextDouble() * w;
        double gy = r.nextDouble() * h;
        double gr = (0.2 + r.nextDouble() * 0.5) * w;
        double gs = 50 + r.nextDouble() * 100;
        boolean shadow = r.nextDouble() < 0.15;
        double sa = r.nextDouble() * 2 - 1;
        double sb = r.nextDouble();
        double noise = r.nextDouble() < 0.6 ? r.nextDouble() * 12 : 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = px[y * w + x];
                double extra = offset;
                double g = gain;
                if (glare) {
                    double d = Math.hypot(x - gx, y - gy) / gr;
                    extra += gs * Math.exp(-d * d);
                }
                if (shadow && (double) y / h > sb + sa * ((double) x / w - 0.5)) {
                    g *= 0.5;
                }
                int out = 0;
                double n = noise > 0 ? r.nextGaussian() * noise : 0;
                for (int k = 0; k < 3; k++) {
                    int shift = 16 - 8 * k;
                    double v = ((c >> shift) & 255) * g * tint[k] + extra + n;
                    out |= PlatePainter.clamp((int) Math.round(v)) << shift;
                }
                px[y * w + x] = out;
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, px, 0, w);
        if (r.nextDouble() < 0.5) {
            result = jpeg(result, (float) (0.2 + r.nextDouble() * 0.65));
        }
        return result;
    }

    private static int[] blur(int[] px, int w, int h, int radius, boolean strong) {
        int[] tmp = boxPass(px, w, h, radius, true);
        int[] out = boxPass(tmp, w, h, radius, false);
        return strong ? boxPass(boxPass(out, w, h, radius, true), w, h, radius, false) : out;
    }

    private static int[] motionBlur(int[] px, int w, int h, int length) {
        return boxPass(px, w, h, length / 2 + 1, true);
    }

    private static int[] boxPass(int[] px, int w, int h, int radius, boolean horizontal) {
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = horizontal ? x + k : x;
                    int yy = horizontal ? y : y + k;
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                        continue;
                    }
                    int c = px[yy * w + xx];
                    r += (c >> 16) & 255;
                    g += (c >> 8) & 255;
                    b += c & 255;
                    n++;
                }
                out[y * w + x] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
            }
        }
        return out;
    }

    /**
     * A far camera's look ({@link PlateRenderer.Builder#cameraFarShare}): detail lost below the pixel grid (scaled down by 1.2
     * to 2.0 with area averaging, then back up bilinearly), contrast washed out towards a grey haze, hard JPEG.
     */
    static BufferedImage cameraFar(BufferedImage img, SplittableRandom r) {
        int w = img.getWidth();
        int h = img.getHeight();
        double k = 1.2 + r.nextDouble() * 0.8;
        int sw = Math.max(4, (int) Math.round(w / k));
        int sh = Math.max(2, (int) Math.round(h / k));
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        int[] small = new int[sw * sh];
        for (int y = 0; y < sh; y++) {
            int y0 = y * h / sh;
            int y1 = Math.max(y0 + 1, (y + 1) * h / sh);
            for (int x = 0; x < sw; x++) {
                int x0 = x * w / sw;
                int x1 = Math.max(x0 + 1, (x + 1) * w / sw);
                int rr = 0;
                int gg = 0;
                int bb = 0;
                int n = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int c = px[yy * w + xx];
                        rr += (c >> 16) & 255;
                        gg += (c >> 8) & 255;
                        bb += c & 255;
                        n++;
                    }
                }
                small[y * sw + x] = ((rr / n) << 16) | ((gg / n) << 8) | (bb / n);
            }
        }
        BufferedImage down = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        down.setRGB(0, 0, sw, sh, small, 0, sw);
        BufferedImage up = resize(down, w, h);
        // haze: contrast towards a grey level, a little colour lost
        double c = 0.6 + r.nextDouble() * 0.35;
        double grey = 90 + r.nextDouble() * 80;
        double sat = 0.6 + r.nextDouble() * 0.4;
        int[] q = up.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < q.length; i++) {
            int v = q[i];
            double cr = (v >> 16) & 255;
            double cg = (v >> 8) & 255;
            double cb = v & 255;
            double l = 0.299 * cr + 0.587 * cg + 0.114 * cb;
            cr = l + (cr - l) * sat;
            cg = l + (cg - l) * sat;
            cb = l + (cb - l) * sat;
            int out = PlatePainter.clamp((int) Math.round(grey + (cr - grey) * c)) << 16
                    | PlatePainter.clamp((int) Math.round(grey + (cg - grey) * c)) << 8
                    | PlatePainter.clamp((int) Math.round(grey + (cb - grey) * c));
            q[i] = out;
        }
        up.setRGB(0, 0, w, h, q, 0, w);
        return jpeg(up, (float) (0.3 + r.nextDouble() * 0.3));
    }

    static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(decoded, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int grey(int v) {
        return (v << 16) | (v << 8) | v;
    }

    private static int add(int c, int dr, int dg, int db) {
        return (PlatePainter.clamp(((c >> 16) & 255) + dr) << 16) | (PlatePainter.clamp(((c >> 8) & 255) + dg) << 8)
                | PlatePainter.clamp((c & 255) + db);
    }
}
