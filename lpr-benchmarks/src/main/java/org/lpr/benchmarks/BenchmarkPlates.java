package org.lpr.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lpr.core.image.Image;

/** Plate crops and street scenes drawn with Java2D, seeded, so benchmarks need no data files. */
final class BenchmarkPlates {
    private static final String CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private BenchmarkPlates() {
    }

    static List<String> serials(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int len = 6 + r.nextInt(2);
            for (int k = 0; k < len; k++) {
                b.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            out.add(b.toString());
        }
        return out;
    }

    static BufferedImage plate(String serial, int width) {
        int height = width / 2;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height * 42 / 100));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(20, 20, 30));
        g.drawString(serial, (width - fm.stringWidth(serial)) / 2, height / 2 + fm.getAscent() / 3);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height * 14 / 100));
        fm = g.getFontMetrics();
        g.setColor(new Color(150, 20, 20));
        g.drawString("MISSOURI", (width - fm.stringWidth("MISSOURI")) / 2, height * 20 / 100);
        g.dispose();
        return img;
    }

    static Image crop(String serial) {
        return Image.of(plate(serial, 320));
    }

    /** A 1280x720 scene (the size of most dev photos) with one plate of 120x60 pixels. */
    static Image scene(String serial, long seed) {
        Random r = new Random(seed);
        BufferedImage scene = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scene.createGraphics();
        for (int y = 0; y < 720; y += 8) {
            for (int x = 0; x < 1280; x += 8) {
                int v = 80 + r.nextInt(40);
                g.setColor(new Color(v, v, v));
                g.fillRect(x, y, 8, 8);
            }
        }
        g.setColor(new Color(40, 60, 120));
        g.fillRect(400, 300, 480, 260);
        g.drawImage(plate(serial, 120), 580, 440, null);
        g.dispose();
        return Image.of(scene);
    }
}
