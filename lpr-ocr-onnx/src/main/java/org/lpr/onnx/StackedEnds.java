package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import org.lpr.core.image.Image;

/**
 * Finds small stacked characters at either end of a serial line: two characters one above the other in
 * the room of one, as many specialty plates print a series code ("R" over "T" before "72LY"). A text
 * reader reads the pair as one character of the serial; the plate number does not include them.
 *
 * <p>The line is split into ink and paper over the characters' rows ({@link #ink}: dark and light text
 * both work), and into glyphs by the columns without ink. Every
 * character of a plate font is one glyph spanning the characters' full height, so each of its rows holds
 * ink; a stacked pair leaves an empty row between its two characters. An end glyph is a stacked pair when
 * a row in the middle of the characters' band ({@link #MIDDLE}) has no ink in its columns while the
 * neighbouring glyph has ink in that row (so a glare band across the whole line is no gap). Which
 * character of the reading a glyph is comes from counting: the glyphs must be as many as the reading's
 * characters, and the end characters' CTC timesteps ({@link CtcDecoder#spans}) must fall within their
 * glyphs. One glyph more than characters, with the reading's characters within the glyphs after (or before)
 * a stacked end glyph, is a pair the reading skipped: the timesteps over its columns are dropped, so that
 * no other model's reading of it can win in an ensemble. Otherwise nothing is dropped.
 */
final class StackedEnds {
    /** The gap is searched for in the middle of the characters' band: from this part of its height to one minus it. */
    static final double MIDDLE = 0.3;
    /** A column holds ink from this part of the band's height in ink pixels (less is specks and blur). */
    static final double COLUMN_INK = 0.06;
    /** A glyph is at least this part of the band's height wide (narrower runs are specks and edges). */
    static final double MIN_GLYPH_WIDTH = 0.05;
    /** No glyph of a clean split is wider than this part of the band's height (plate characters are taller than wide). */
    static final double MAX_GLYPH_WIDTH = 0.9;
    /** A run of columns at the line's edge is a glyph from this part of the band's height (narrower: the edge of art or a frame cut by the box). */
    static final double EDGE_GLYPH_WIDTH = 0.15;

    private StackedEnds() {
    }

    /**
     * The timesteps to drop from {@code p}: those of the first and of the last character of {@code text}
     * where that character is a stacked pair in {@code line}; none when neither is.
     *
     * @param line the serial line, upright, as the reader's input showed it (before padding), at any scale
     * @param stepWidth the width of one timestep in {@code line}'s pixels
     * @param p the line's distributions ({@code steps x Alphabet.SIZE}, class 0 blank)
     * @param text the line's best reading
     * @return for each timestep, whether it belongs to a stacked end
     */
    static boolean[] stackedSteps(Image line, double stepWidth, double[][] p, String text) {
        boolean[] drop = new boolean[p.length];
        int n = text.length();
        if (n < 3 || line.height() < 16 || line.width() < 16) {
            return drop;
        }
        int[][] spans = CtcDecoder.spans(p, text);
        if (spans == null) {
            return drop;
        }
        int[][] luma = luma(line);
        int[] band = band(luma);
        if (band == null) {
            return drop;
        }
        boolean[][] ink = ink(luma, band);
        int bandHeight = band[1] - band[0];
        List<int[]> glyphs = glyphs(ink, bandHeight);
        int g = glyphs.size();
        for (int[] glyph : glyphs) {
            if (glyph[1] - glyph[0] + 1 > MAX_GLYPH_WIDTH * bandHeight) {
                // characters run together (tight spacing, blur, art between them): no clean split into glyphs
                return drop;
            }
        }
        if (g == n) {
            if (aligned(glyphs, 0, spans, stepWidth, 0, 1) && stacked(ink, glyphs.get(0), glyphs.get(1))) {
                mark(drop, spans[0]);
            }
            if (aligned(glyphs, 0, spans, stepWidth, n - 1, n - 2) && stacked(ink, glyphs.get(n - 1), glyphs.get(n - 2))) {
                mark(drop, spans[n - 1]);
            }
        } else if (g == n + 1) {
            // one glyph more than the reading has characters: a stacked pair the reading skipped at one end
            // (another model reading the crop may still read it); its columns' timesteps are made blank
            if (aligned(glyphs, 1, spans, stepWidth, 0, n - 1) && stacked(ink, glyphs.get(0), glyphs.get(1))) {
                markColumns(drop, glyphs.get(0), stepWidth);
            } else if (aligned(glyphs, 0, spans, stepWidth, 0, n - 1) && stacked(ink, glyphs.get(n), glyphs.get(n - 1))) {
                markColumns(drop, glyphs.get(n), stepWidth);
            }
        }
        // otherwise the columns do not split into the reading's characters: no telling which character is where
        return drop;
    }

    /** Marks the timesteps whose centres lie within the columns {@code g}. */
    private static void markColumns(boolean[] drop, int[] g, double stepWidth) {
        for (int t = 0; t < drop.length; t++) {
            double centre = (t + 0.5) * stepWidth;
            if (centre >= g[0] && centre <= g[1] + 1) {
                drop[t] = true;
            }
        }
    }

    /** Whether the given characters of the reading sit, by the centres of their timesteps, within the glyphs {@code offset} further on. */
    private static boolean aligned(List<int[]> glyphs, int offset, int[][] spans, double stepWidth, int... chars) {
        for (int k : chars) {
            double centre = (spans[k][0] + spans[k][1] + 1) / 2.0 * stepWidth;
            int[] g = glyphs.get(k + offset);
            if (centre < g[0] || centre > g[1] + 1) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] drop, int[] span) {
        for (int t = span[0]; t <= span[1]; t++) {
            drop[t] = true;
        }
    }

    /** Whether glyph {@code g} has an inkless row in the middle of the band where its neighbour {@code o} has ink. */
    private static boolean stacked(boolean[][] ink, int[] g, int[] o) {
        int h = ink.length;
        int from = (int) Math.floor(MIDDLE * h);
        int to = (int) Math.ceil((1 - MIDDLE) * h);
        for (int r = from; r < to; r++) {
            if (!inked(ink[r], g) && inked(ink[r], o) && inkAbove(ink, g, r) && inkBelow(ink, g, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inked(boolean[] row, int[] cols) {
        for (int x = cols[0]; x <= cols[1]; x++) {
            if (row[x]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inkAbove(boolean[][] ink, int[] g, int r) {
        for (int y = 0; y < r; y++) {
            if (inked(ink[y], g)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inkBelow(boolean[][] ink, int[] g, int r) {
        for (int y = r + 1; y < ink.length; y++) {
            if (inked(ink[y], g)) {
                return true;
            }
        }
        return false;
    }

    /** The glyphs' columns, left to right, first and last inclusive: runs of columns holding ink, at least {@link #MIN_GLYPH_WIDTH} wide. */
    static List<int[]> glyphs(boolean[][] ink, int bandHeight) {
        int w = ink[0].length;
        int least = (int) Math.max(1, Math.ceil(COLUMN_INK * bandHeight));
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= w; x++) {
            boolean inked = false;
            if (x < w) {
                int count = 0;
                for (boolean[] row : ink) {
                    count += row[x] ? 1 : 0;
                }
                inked = count >= least;
            }
            if (inked && start < 0) {
                start = x;
            } else if (!inked && start >= 0) {
                boolean cut = start == 0 || x == w;
                // a run cut by the line's edge is part of a glyph only if it is as wide as a narrow character
                if (x - start >= (cut ? EDGE_GLYPH_WIDTH : MIN_GLYPH_WIDTH) * bandHeight) {
                    out.add(new int[] {start, x - 1});
                }
                start = -1;
            }
        }
        return out;
    }

    /**
     * The band's pixels split into ink and paper. The paper is the median brightness (most of a line is
     * paper); the ink is the darkest or the brightest twentieth, whichever lies further from it; the
     * threshold lies halfway between. (Otsu's threshold would split a patterned background into two shades.)
     */
    static boolean[][] ink(int[][] luma, int[] band) {
        int[] hist = new int[256];
        int total = 0;
        for (int y = band[0]; y < band[1]; y++) {
            for (int v : luma[y]) {
                hist[v]++;
                total++;
            }
        }
        int dark = percentile(hist, total, 0.05);
        int paper = percentile(hist, total, 0.5);
        int light = percentile(hist, total, 0.95);
        boolean darkInk = paper - dark >= light - paper;
        double threshold = darkInk ? (dark + paper) / 2.0 : (light + paper) / 2.0;
        boolean[][] out = new boolean[band[1] - band[0]][];
        for (int y = band[0]; y < band[1]; y++) {
            boolean[] row = new boolean[luma[y].length];
            for (int x = 0; x < row.length; x++) {
                row[x] = darkInk ? luma[y][x] < threshold : luma[y][x] > threshold;
            }
            out[y - band[0]] = row;
        }
        return out;
    }

    /** The grey level below which {@code q} of the {@code total} pixels of {@code hist} lie. */
    static int percentile(int[] hist, int total, double q) {
        long want = (long) Math.ceil(q * total);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= want) {
                return v;
            }
        }
        return 255;
    }

    /**
     * The rows the characters fill, top and bottom (exclusive): the longest run of rows whose contrast
     * (summed absolute differences of neighbouring pixels' brightness, smoothed over 3 rows) is at least
     * 0.3 of the 80th percentile row's (not of the strongest row's: a legend's small text can be far
     * stronger than the serial); null when under a third of the line.
     */
    private static int[] band(int[][] luma) {
        int h = luma.length;
        double[] e = new double[h];
        for (int y = 0; y < h; y++) {
            int[] row = luma[y];
            double sum = 0;
            for (int x = 1; x < row.length; x++) {
                sum += Math.abs(row[x] - row[x - 1]);
            }
            e[y] = sum;
        }
        double[] sm = new double[h];
        for (int y = 0; y < h; y++) {
            sm[y] = (e[Math.max(0, y - 1)] + e[y] + e[Math.min(h - 1, y + 1)]) / 3;
        }
        double[] sorted = sm.clone();
        java.util.Arrays.sort(sorted);
        double level = 0.3 * sorted[(int) (0.8 * (h - 1))];
        if (level <= 0) {
            return null;
        }
        int top = 0;
        int bottom = 0;
        for (int y = 0; y < h;) {
            if (sm[y] < level) {
                y++;
                continue;
            }
            int end = y;
            while (end < h && sm[end] >= level) {
                end++;
            }
            if (end - y > bottom - top) {
                top = y;
                bottom = end;
            }
            y = end;
        }
        return bottom - top < h / 3 ? null : new int[] {top, bottom};
    }

    private static int[][] luma(Image img) {
        int w = img.width();
        int h = img.height();
        byte[] bgr = img.bgr();
        int[][] out = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                out[y][x] = (29 * (bgr[i] & 0xff) + 150 * (bgr[i + 1] & 0xff) + 77 * (bgr[i + 2] & 0xff)) >> 8;
            }
        }
        return out;
    }
}
