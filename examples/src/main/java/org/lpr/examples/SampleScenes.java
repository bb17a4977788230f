package org.lpr.examples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.lpr.core.read.Jurisdiction;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;

/**
 * Draws the sample photos shipped in {@code samples/}: the rear of a car, drawn with Java2D, with a
 * US-style plate rendered by lpr-synth; seeded, so they can be redrawn byte for byte (with the same fonts installed).
 *
 * <p>{@code java -cp examples/target/lpr.jar org.lpr.examples.SampleScenes samples}
 */
public final class SampleScenes {
    /**
     * The plate renderer's seed: the first from 1000 at which every sample plate shows its state's name
     * (lpr-synth leaves it off 7 % of plates), since the quick start reports the state.
     */
    private static final long SEED = 1001;

    private SampleScenes() {
    }

    /** A sample: file name, plate serial as printed, state and the car's colour. */
    private record Sample(String file, String serial, Jurisdiction state, Color car) {
    }

    private static final Sample[] SAMPLES = {
        new Sample("car-mo-7XK245.jpg", "7XK 245", Jurisdiction.MO, new Color(150, 30, 35)),
        new Sample("car-tx-HRT5082.jpg", "HRT-5082", Jurisdiction.TX, new Color(40, 60, 110)),
        new Sample("car-fl-ABCD12.jpg", "ABCD12", Jurisdiction.FL, new Color(200, 200, 205)),
        new Sample("car-il-NOX226.jpg", "NOX 226", Jurisdiction.IL, new Color(30, 30, 32)),
    };

    /** Writes the samples into the folder named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        Files.createDirectories(dir);
        for (int i = 0; i < SAMPLES.length; i++) {
            Sample s = SAMPLES[i];
            ImageIO.write(scene(s, new Random(1000 + i), i), "jpg", dir.resolve(s.file()).toFile());
        }
    }

    private static BufferedImage scene(Sample s, Random rnd, int index) {
        int w = 1280;
        int h = 720;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // sky, street and kerb
        g.setPaint(new GradientPaint(0, 0, new Color(150, 180, 210), 0, 300, new Color(200, 210, 220)));
        g.fillRect(0, 0, w, 300);
        g.setPaint(new GradientPaint(0, 300, new Color(90, 90, 95), 0, h, new Color(60, 60, 62)));
        g.fillRect(0, 300, w, h - 300);
        for (int k = 0; k < 4000; k++) {
            int v = 50 + rnd.nextInt(60);
            g.setColor(new Color(v, v, v));
            g.fillRect(rnd.nextInt(w), 300 + rnd.nextInt(h - 300), 2, 2);
        }
        // the car's rear
        int cx = 340 + index * 40;
        int cy = 180;
        g.setColor(s.car());
        g.fillRoundRect(cx, cy, 600, 380, 80, 80);
        g.setColor(new Color(30, 30, 35));
        g.fillRoundRect(cx + 60, cy + 20, 480, 120, 40, 40);
        g.setColor(new Color(190, 20, 20));
        g.fillRoundRect(cx + 20, cy + 170, 110, 50, 15, 15);
        g.fillRoundRect(cx + 470, cy + 170, 110, 50, 15, 15);
        g.setColor(new Color(20, 20, 20));
        g.fillRect(cx + 20, cy + 380, 90, 60);
        g.fillRect(cx + 490, cy + 380, 90, 60);
        // the plate, slightly rotated
        BufferedImage plate = plate(s, 200, index);
        AffineTransform t = g.getTransform();
        g.rotate(Math.toRadians(index % 2 == 0 ? 2 : -3), cx + 300, cy + 290);
        g.drawImage(plate, cx + 200, cy + 240, null);
        g.setTransform(t);
        g.dispose();
        return img;
    }

    /** The sample's plate, {@code width} pixels wide, rendered by lpr-synth: plain (no stickers or other distractors), frontal. */
    private static BufferedImage plate(Sample s, int width, int index) {
        PlateRenderer renderer = PlateRenderer.builder().seed(SEED).photoEffects(false).distractors(false).outputSize(width, width / 2).build();
        return renderer.render(PlateSpec.of(s.serial(), s.state(), index)).image().toBufferedImage();
    }
}
