package org.lpr.onnx;

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

/** Plate crops and scenes drawn with Java2D for tests: a white plate, a state name on top, the serial in the middle. */
final class TestPlates {
    private TestPlates() {
    }

    static BufferedImage plate(String serial, String legend, int width) {
        int height = width / 2;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 40, 120));
        g.setStroke(new BasicStroke(Math.max(2, width / 100f)));
        g.drawRoundRect(2, 2, width - 5, height - 5, width / 20, width / 20);
        Font serialFont = new Font(Font.SANS_SERIF, Font.BOLD, height * 45 / 100);
        g.setFont(serialFont);
        FontMetrics fm = g.getFontMetrics();
        int sw = fm.stringWidth(serial);
        if (sw > width * 0.9) {
            serialFont = serialFont.deriveFont((float) (serialFont.getSize2D() * width * 0.9 / sw));
            g.setFont(serialFont);
            fm = g.getFontMetrics();
            sw = fm.stringWidth(serial);
        }
        g.setColor(new Color(20, 20, 30));
        g.drawString(serial, (width - sw) / 2, height / 2 + fm.getAscent() / 2 - fm.getDescent() / 2 + height / 20);
        if (!legend.isEmpty()) {
            Font legendFont = new Font(Font.SANS_SERIF, Font.BOLD, height * 15 / 100);
            g.setFont(legendFont);
            FontMetrics lm = g.getFontMetrics();
            g.setColor(new Color(150, 20, 20));
            g.drawString(legend, (width - lm.stringWidth(legend)) / 2, height * 20 / 100);
        }
        g.dispose();
        return img;
    }

    static Image crop(String serial) {
        return Image.of(plate(serial, "MISSOURI", 320));
    }

    /** A 960x540 street-grey scene with one plate pasted at a known place. */
    static ContractScene scene(String serial) {
        BufferedImage scene = new BufferedImage(960, 540, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scene.createGraphics();
        Random rnd = new Random(7);
        for (int y = 0; y < 540; y += 4) {
            for (int x = 0; x < 960; x += 4) {
                int v = 90 + rnd.nextInt(30);
                g.setColor(new Color(v, v, v + 5));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.setColor(new Color(60, 70, 110));
        g.fillRect(300, 250, 360, 200);
        int px = 400;
        int py = 330;
        g.drawImage(plate(serial, "MISSOURI", 160), px, py, null);
        g.dispose();
        return new ContractScene(Image.of(scene), Polygon.rectangle(px, py, 160, 80), serial);
    }
}
