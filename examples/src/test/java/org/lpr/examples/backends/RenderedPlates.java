package org.lpr.examples.backends;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;

/** US-style plates and street scenes drawn with Java2D, seeded, so that both backends get the very same pixels. */
public final class RenderedPlates {
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String[] STATES = {"MISSOURI", "TEXAS", "OHIO", "KANSAS", "IOWA"};

    private RenderedPlates() {
    }

    /** A rendered scene, the true outline of its plate and the plate's characters. */
    record Scene(Image image, Polygon plate, String text) {
    }

    /** {@code n} plate texts: three letters and four digits, or a digit and six mixed characters. */
    static List<String> texts(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            if (rnd.nextBoolean()) {
                for (int k = 0; k < 3; k++) {
                    b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
                }
                for (int k = 0; k < 4; k++) {
                    b.append((char) ('0' + rnd.nextInt(10)));
                }
            } else {
                b.append((char) ('1' + rnd.nextInt(9)));
                for (int k = 0; k < 6; k++) {
                    b.append(rnd.nextInt(3) == 0 ? (char) ('0' + rnd.nextInt(10)) : LETTERS.charAt(rnd.nextInt(LETTERS.length())));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** A plate of {@code w x h} showing {@code text}: white, dark border, a state name above, the characters in the middle. */
    public static BufferedImage plate(String text, int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int shade = 235 + rnd.nextInt(20);
        g.setColor(new Color(shade, shade, shade - rnd.nextInt(10)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 30, 90));
        g.setStroke(new BasicStroke(Math.max(2f, h / 30f)));
        g.drawRoundRect(2, 2, w - 5, h - 5, h / 8, h / 8);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.max(6, h / 7)));
        String state = STATES[rnd.nextInt(STATES.length)];
        FontMetrics sm = g.getFontMetrics();
        g.drawString(state, (w - sm.stringWidth(state)) / 2, h / 20 + sm.getAscent());
        g.setFont(new Font("DejaVu Sans Mono", Font.BOLD, Math.max(8, (int) (h * 0.52))));
        FontMetrics fm = g.getFontMetrics();
        double sx = Math.min(1.0, (w * 0.88) / fm.stringWidth(text));
        g.setColor(new Color(15, 15, 20));
        AffineTransform t = g.getTransform();
        g.translate((w - fm.stringWidth(text) * sx) / 2, h * 0.5 + fm.getAscent() * 0.36);
        g.scale(sx, 1);
        g.drawString(text, 0, 0);
        g.setTransform(t);
        g.dispose();
        return img;
    }

    /** A plate crop of 240x120 or 320x160 (alternating with the seed). */
    static Image crop(String text, long seed) {
        int w = seed % 2 == 0 ? 240 : 320;
        return Image.of(plate(text, w, w / 2, seed));
    }

    /** A 640x480 street-like scene with one car whose plate shows {@code text}, and the plate's true outline. */
    static Scene scene(String text, long seed) {
        Random rnd = new Random(seed);
        int w = 640;
        int h = 480;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y += 4) {
            int v = 90 + (int) (60.0 * y / h) + rnd.nextInt(6);
            g.setColor(new Color(v, v, v + 5));
            g.fillRect(0, y, w, 4);
        }
        int pw = 120 + rnd.nextInt(60);
        int ph = pw / 2;
        int px = pw + 10 + rnd.nextInt(w - 3 * pw - 20);
        int py = 2 * ph + 10 + rnd.nextInt(h - 3 * ph - 20);
        g.setColor(new Color(120, 20, 25));
        g.fillRoundRect(px - pw, py - 2 * ph, 3 * pw, (int) (3.2 * ph), ph, ph);
        g.setColor(new Color(230, 200, 120));
        g.fillOval(px - pw + pw / 6, py - ph, pw / 2, ph / 2);
        g.fillOval(px + 2 * pw - pw / 6 - pw / 2, py - ph, pw / 2, ph / 2);
        g.drawImage(plate(text, pw, ph, seed), px, py, null);
        g.dispose();
        return new Scene(Image.of(img), Polygon.rectangle(px, py, pw, ph), text);
    }
}
