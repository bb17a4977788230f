package org.lpr.opencv;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.ContractScene;

/**
 * Renders US-style plates and street scenes holding them, seeded and deterministic, for tests. (A
 * small stand-in until lpr-synth's renderer is on main; it draws with Java2D and the system's fonts.)
 */
final class SyntheticPlates {
    static final int PLATE_W = 240;
    static final int PLATE_H = 120;
    private static final String[] STATES = {"MISSOURI", "TEXAS", "OHIO", "KANSAS", "IOWA"};

    private SyntheticPlates() {
    }

    /** A plate of {@code w x h} pixels showing {@code text}: white, dark border, state name above, characters in the middle. */
    static BufferedImage plate(String text, int w, int h, long seed) {
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
        Font small = new Font("DejaVu Sans", Font.BOLD, Math.max(6, h / 7));
        g.setFont(small);
        String state = STATES[rnd.nextInt(STATES.length)];
        FontMetrics sm = g.getFontMetrics();
        g.drawString(state, (w - sm.stringWidth(state)) / 2, h / 20 + sm.getAscent());
        Font big = new Font("DejaVu Sans Mono", Font.BOLD, Math.max(8, (int) (h * 0.52)));
        g.setFont(big);
        FontMetrics fm = g.getFontMetrics();
        // squeeze the characters to fit the plate's width
        double sx = Math.min(1.0, (w * 0.88) / fm.stringWidth(text));
        g.setColor(new Color(15, 15, 20));
        var t = g.getTransform();
        g.translate((w - fm.stringWidth(text) * sx) / 2, h * 0.5 + fm.getAscent() * 0.36);
        g.scale(sx, 1);
        g.drawString(text, 0, 0);
        g.setTransform(t);
        g.dispose();
        return img;
    }

    /** A clear upright plate crop. */
    static Image crop(String text) {
        return Image.of(plate(text, PLATE_W, PLATE_H, text.hashCode()));
    }

    /** A grey street-like background of {@code w x h} with a car body, seeded. */
    static BufferedImage background(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y += 4) {
            int v = 90 + (int) (60.0 * y / h) + rnd.nextInt(6);
            g.setColor(new Color(v, v, v + 5));
            g.fillRect(0, y, w, 4);
        }
        for (int i = 0; i < 6; i++) {
            int v = 40 + rnd.nextInt(160);
            g.setColor(new Color(v, v - rnd.nextInt(30), v));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 4), 10 + rnd.nextInt(h / 6));
        }
        g.dispose();
        return img;
    }

    /** Draws a car (a dark body with lights) whose plate of {@code pw x ph} is at {@code (px, py)}, then the plate. */
    static void drawCarWithPlate(BufferedImage scene, BufferedImage plate, int px, int py) {
        Graphics2D g = scene.createGraphics();
        int pw = plate.getWidth();
        int ph = plate.getHeight();
        g.setColor(new Color(120, 20, 25));
        g.fillRoundRect(px - pw, py - 2 * ph, 3 * pw, (int) (3.2 * ph), ph, ph);
        g.setColor(new Color(230, 200, 120));
        g.fillOval(px - pw + pw / 6, py - ph, pw / 2, ph / 2);
        g.fillOval(px + 2 * pw - pw / 6 - pw / 2, py - ph, pw / 2, ph / 2);
        g.drawImage(plate, px, py, null);
        g.dispose();
    }

    /** A 640x480 scene with one car and its plate showing {@code text}. */
    static ContractScene scene(String text, long seed) {
        Random rnd = new Random(seed);
        BufferedImage scene = background(640, 480, seed);
        int pw = 120 + rnd.nextInt(60);
        int ph = pw / 2;
        BufferedImage plate = plate(text, pw, ph, seed);
        int px = pw + 10 + rnd.nextInt(640 - 3 * pw - 20);
        int py = 2 * ph + 10 + rnd.nextInt(480 - 3 * ph - 20);
        drawCarWithPlate(scene, plate, px, py);
        return new ContractScene(Image.of(scene), Polygon.rectangle(px, py, pw, ph), text);
    }

    /** A random plausible plate text: three letters and four digits, or seven mixed characters. */
    static String randomText(Random rnd) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        if (rnd.nextBoolean()) {
            for (int i = 0; i < 3; i++) {
                b.append(letters.charAt(rnd.nextInt(letters.length())));
            }
            for (int i = 0; i < 4; i++) {
                b.append((char) ('0' + rnd.nextInt(10)));
            }
        } else {
            b.append((char) ('1' + rnd.nextInt(9)));
            for (int i = 0; i < 6; i++) {
                b.append(rnd.nextInt(3) == 0 ? (char) ('0' + rnd.nextInt(10)) : letters.charAt(rnd.nextInt(letters.length())));
            }
        }
        return b.toString();
    }
}
