package org.lpr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The painter keeps the serial legible as real plates do: nothing opaque over a serial character,
 * characters apart, ink that stands out from the plate behind it. The renders train and test the
 * SDK's readers, so an illegible render is a wrong label.
 */
class PlatePainterLegibilityTest {
    private static final int PLATES = 600;
    private static final int PICTURE_PLATES = 300;
    private static final int SPECIALTY_PLATES = 300;

    /**
     * {@value #PLATES} plates as rendered by default, then the first {@value #PICTURE_PLATES} of them with picture emblems
     * and the first {@value #SPECIALTY_PLATES} as specialty plates (a seal beside the serial, a distractor).
     */
    private static List<PlatePainter.Painted> paintMany() {
        List<PlatePainter.Painted> out = new ArrayList<>(paint(PLATES, 0, 0));
        out.addAll(paint(PICTURE_PLATES, 1, 0));
        out.addAll(paint(SPECIALTY_PLATES, 0, 1));
        return out;
    }

    /** The first {@code count} plates of seed 5, with distractors, picture emblems and specialty seals at the shares given. */
    private static List<PlatePainter.Painted> paint(int count, double pictureShare, double specialtyShare) {
        PlateRenderer renderer = PlateRenderer.builder().seed(5).pictureEmblemShare(pictureShare).build();
        List<PlatePainter.Painted> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlateSpec spec = renderer.randomSpec(i);
            SplittableRandom r = new SplittableRandom(spec.seed());
            out.add(PlatePainter.paintDetailed(PlateStyle.ALL.get(spec.plate().jurisdiction()), spec.printed(), r, true,
                    new PlatePainter.Shares(0, pictureShare, specialtyShare, 0)));
        }
        return out;
    }

    @Test
    void stickersBoltsAndFrames_neverCoverASerialCharacter() {
        int distractors = 0;
        for (PlatePainter.Painted p : paintMany()) {
            for (Rectangle2D d : p.distractors()) {
                distractors++;
                for (Rectangle2D glyph : p.glyphs()) {
                    assertThat(d.intersects(glyph)).as("distractor %s over glyph %s", d, glyph).isFalse();
                }
            }
        }
        // the distractors are still there, around the serial
        assertThat(distractors).isGreaterThan(PLATES);
    }

    @Test
    void legendSloganAndCountyName_neverOverlapEachOtherOrTheSerial() {
        int texts = 0;
        for (PlatePainter.Painted p : paintMany()) {
            List<Rectangle2D> t = p.texts();
            texts += t.size();
            for (int i = 0; i < t.size(); i++) {
                for (Rectangle2D glyph : p.glyphs()) {
                    assertThat(t.get(i).intersects(glyph)).as("text %s over glyph %s", t.get(i), glyph).isFalse();
                }
                for (int j = i + 1; j < t.size(); j++) {
                    assertThat(t.get(i).intersects(t.get(j))).as("text %s over text %s", t.get(i), t.get(j)).isFalse();
                }
            }
        }
        // most plates carry a legend and a slogan
        assertThat(texts).isGreaterThan(PLATES * 3 / 2);
    }

    @Test
    void serialCharacters_neverTouch() {
        for (PlatePainter.Painted p : paintMany()) {
            List<Rectangle2D> g = p.glyphs();
            for (int i = 1; i < g.size(); i++) {
                double gap = g.get(i).getMinX() - g.get(i - 1).getMaxX();
                assertThat(gap).as("gap between glyphs %d and %d", i - 1, i).isGreaterThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void serialInk_contrastsWithTheBackgroundBehindIt() {
        double least = 1;
        for (PlatePainter.Painted p : paintMany()) {
            least = Math.min(least, p.contrast());
        }
        assertThat(least).isGreaterThanOrEqualTo(PlatePainter.MIN_CONTRAST);
    }

    @Test
    void contrast_measuresPixels() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        Rectangle2D all = new Rectangle2D.Double(0, 0, 40, 20);
        assertThat(PlatePainter.contrast(img, all, java.awt.Color.WHITE)).isZero();
        assertThat(PlatePainter.contrast(img, all, java.awt.Color.BLACK)).isEqualTo(1.0);
    }
}
