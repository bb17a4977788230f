package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lpr.onnx.DbTextDetector.TextBox;

/**
 * Groups text boxes into lines: the detector often splits a plate number in two ({@code NOX} and
 * {@code 226}); boxes of similar height, side by side on one baseline, are one line, and so are overlapping boxes up
 * to twice as tall as each other.
 */
final class TextLines {
    /**
     * Boxes with a gap between them whose heights differ more than this factor are not one line (small side
     * characters stay apart).
     */
    static final double MAX_HEIGHT_RATIO = 1.5;
    /**
     * Boxes that overlap side to side are one line up to this height factor: the detector boxes a serial with a
     * stacked pair at one end as a tall box holding the pair and a shorter one for the rest, overlapping (rule set
     * before measuring, 2026-11-30: module README, *A serial split in overlapping boxes*).
     */
    private static final double OVERLAP_HEIGHT_RATIO = 2;
    /** Vertical offset of the centres allowed, as a fraction of the taller box. */
    private static final double MAX_CENTRE_OFFSET = 0.35;
    /**
     * Horizontal gap allowed between boxes, in heights of the taller box: wide enough for a picture emblem
     * where the serial's groups meet (a horse and rider, a sun symbol, a fruit, about as tall as the characters).
     * 1.2 before 2026-11-29 (eighth session); 1.6 was chosen on renders with and without picture emblems, and
     * 2.0 read the same (lpr-ocr-onnx README, "Picture emblems").
     */
    private static final double MAX_GAP = 1.6;

    private TextLines() {
    }

    /** A text line: its rectangle, the boxes it was made of and their mean detector score. */
    record Line(Quad quad, List<TextBox> boxes, double score) {
    }

    static List<Line> group(List<TextBox> boxes) {
        int n = boxes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameLine(boxes.get(i).quad(), boxes.get(j).quad())) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<TextBox>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(boxes.get(i));
        }
        List<Line> lines = new ArrayList<>();
        for (List<TextBox> g : groups) {
            g.sort(Comparator.comparingDouble(b -> b.quad().cx()));
            Quad q;
            if (g.size() == 1) {
                q = g.get(0).quad();
            } else {
                double[] pts = new double[g.size() * 8];
                for (int i = 0; i < g.size(); i++) {
                    System.arraycopy(g.get(i).quad().corners(), 0, pts, i * 8, 8);
                }
                q = MinAreaRect.of(pts);
                // the line's height is its boxes' height; a slight tilt between them must not inflate it
                double h = g.stream().mapToDouble(b -> b.quad().height()).max().orElse(q.height());
                q = new Quad(q.cx(), q.cy(), q.ux(), q.uy(), q.halfWidth(), Math.min(q.halfHeight(), h / 2 * 1.15));
            }
            double score = g.stream().mapToDouble(TextBox::score).average().orElse(0);
            lines.add(new Line(q, List.copyOf(g), score));
        }
        return lines;
    }

    /**
     * Whether boxes {@code a} and {@code b} are parts of one line: centres on one baseline, at most {@link #MAX_GAP}
     * heights apart side to side, and heights within {@link #MAX_HEIGHT_RATIO} of each other, or within
     * {@link #OVERLAP_HEIGHT_RATIO} where the boxes overlap side to side.
     */
    static boolean sameLine(Quad a, Quad b) {
        double ha = a.height();
        double hb = b.height();
        double hi = Math.max(ha, hb);
        double gap = Math.max(a.minX(), b.minX()) - Math.min(a.maxX(), b.maxX());
        double ratio = gap < 0 ? OVERLAP_HEIGHT_RATIO : MAX_HEIGHT_RATIO;
        if (hi > ratio * Math.min(ha, hb)) {
            return false;
        }
        if (Math.abs(a.cy() - b.cy()) > MAX_CENTRE_OFFSET * hi) {
            return false;
        }
        return gap <= MAX_GAP * hi;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
