package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;

class StackedEndsTest {
    private static final int STEP = 10;
    private static final int PITCH = 70;

    /**
     * A serial line 96 px high: one glyph every {@link #PITCH} px from x = 10; a string of two characters
     * is drawn as a stacked pair (one above the other, each under half the height). Each glyph is about
     * 40 px wide, so a glyph's centre lies at about x = 32 + PITCH * k.
     */
    private static Image line(String... glyphs) {
        BufferedImage img = new BufferedImage(20 + PITCH * glyphs.length, 96, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(20, 20, 120));
        // condensed, as plate fonts are: characters taller than wide
        AffineTransform condensed = AffineTransform.getScaleInstance(0.7, 1);
        Font big = new Font(Font.SANS_SERIF, Font.BOLD, 80).deriveFont(condensed);
        Font small = new Font(Font.SANS_SERIF, Font.BOLD, 34).deriveFont(condensed);
        for (int k = 0; k < glyphs.length; k++) {
            int x = 12 + PITCH * k;
            if (glyphs[k].length() == 2) {
                g.setFont(small);
                g.drawString(glyphs[k].substring(0, 1), x + 14, 50);
                g.drawString(glyphs[k].substring(1), x + 14, 84);
            } else {
                g.setFont(big);
                g.drawString(glyphs[k], x, 84);
            }
        }
        g.dispose();
        return Image.of(img);
    }

    /** Distributions that emit {@code text}'s characters one per glyph, at the step over each glyph's centre. */
    private static double[][] aligned(String text, int glyphs) {
        return aligned(text, glyphs, 0);
    }

    /** As {@link #aligned(String, int)}, character k over glyph k + {@code offset}. */
    private static double[][] aligned(String text, int glyphs, int offset) {
        int steps = (20 + PITCH * glyphs) / STEP;
        double[][] p = new double[steps][Alphabet.SIZE];
        for (double[] row : p) {
            row[0] = 1;
        }
        for (int k = 0; k < text.length(); k++) {
            int t = (12 + PITCH * (k + offset) + 25) / STEP;
            p[t][0] = 0;
            p[t][Alphabet.reducedOf(text.charAt(k))] = 1;
        }
        return p;
    }

    private static int dropped(boolean[] drop) {
        int n = 0;
        for (boolean d : drop) {
            n += d ? 1 : 0;
        }
        return n;
    }

    @Test
    void stackedPairAtTheStart_itsStepsAreDropped() {
        Image img = line("RT", "7", "2", "L", "Y");
        double[][] p = aligned("R72LY", 5);
        boolean[] drop = StackedEnds.stackedSteps(img, STEP, p, "R72LY");
        assertThat(dropped(drop)).isEqualTo(1);
        assertThat(drop[(12 + 25) / STEP]).isTrue();
    }

    @Test
    void stackedPairAtTheEnd_itsStepsAreDropped() {
        Image img = line("7", "3", "6", "4", "HC");
        boolean[] drop = StackedEnds.stackedSteps(img, STEP, aligned("7364H", 5), "7364H");
        assertThat(dropped(drop)).isEqualTo(1);
        assertThat(drop[(12 + PITCH * 4 + 25) / STEP]).isTrue();
    }

    @Test
    void stackedPairTheReadingSkipped_theStepsOverItAreDropped() {
        // the reader read the serial without the pair; another model may read the pair, so its columns go blank
        Image img = line("US", "5", "5", "5", "5");
        boolean[] drop = StackedEnds.stackedSteps(img, STEP, aligned("5555", 5, 1), "5555");
        assertThat(dropped(drop)).isPositive();
        for (int t = 0; t < drop.length; t++) {
            double centre = (t + 0.5) * STEP;
            assertThat(drop[t]).as("step %d", t).isEqualTo(drop[t] && centre < 12 + PITCH);
        }
        // the serial's own steps stay
        for (int k = 1; k < 5; k++) {
            assertThat(drop[(12 + PITCH * k + 25) / STEP]).isFalse();
        }
    }

    @Test
    void fullHeightCharacters_nothingIsDropped() {
        // letters with bars and gaps inside (H, E, B, 8): every row of each holds ink
        Image img = line("H", "E", "B", "8", "H");
        assertThat(dropped(StackedEnds.stackedSteps(img, STEP, aligned("HEB8H", 5), "HEB8H"))).isZero();
    }

    @Test
    void glyphsNotAsManyAsTheReadingsCharacters_nothingIsDropped() {
        Image img = line("RT", "7", "2", "L", "Y");
        // the reader saw the pair as two characters: six characters for five glyphs, so no character can be placed
        assertThat(dropped(StackedEnds.stackedSteps(img, STEP, aligned("RT72LY", 6), "RT72LY"))).isZero();
    }

    @Test
    void percentile_ofAHistogram() {
        int[] hist = new int[256];
        hist[30] = 100;
        hist[220] = 400;
        assertThat(StackedEnds.percentile(hist, 500, 0.05)).isEqualTo(30);
        assertThat(StackedEnds.percentile(hist, 500, 0.5)).isEqualTo(220);
    }
}
