package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;

class StackedEndsTest {
    private static final int STEP = 10;
    private static final int PITCH = 70;

    /**
     * A serial line 96 px high: one glyph every {@link #PITCH} px from x = 10; a string of two characters
     * is drawn as a stacked pair (one above the other, each under half the height).
     */
    private static Image line(String... glyphs) {
        BufferedImage img = new BufferedImage(20 + PITCH * glyphs.length, 96, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(20, 20, 120));
        Font big = new Font(Font.SANS_SERIF, Font.BOLD, 80);
        Font small = new Font(Font.SANS_SERIF, Font.BOLD, 34);
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
        int steps = (20 + PITCH * glyphs) / STEP;
        double[][] p = new double[steps][Alphabet.SIZE];
        for (double[] row : p) {
            row[0] = 1;
        }
        for (int k = 0; k < text.length(); k++) {
            int t = (12 + PITCH * k + 25) / STEP;
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
    void otsu_splitsTwoLevels() {
        int[] hist = new int[256];
        hist[30] = 100;
        hist[220] = 400;
        int t = StackedEnds.otsu(hist, 500);
        assertThat(t).isBetween(30, 219);
    }
}
