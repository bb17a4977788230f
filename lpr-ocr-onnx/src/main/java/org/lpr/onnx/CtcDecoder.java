package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC decoding over the plate alphabet: prefix beam search for the k most probable texts (summing
 * every alignment of each text), and a Viterbi alignment for per-character confidences.
 */
final class CtcDecoder {
    /** Characters below this probability at a timestep are not extended (keeps the search small). */
    private static final double PRUNE = 1e-4;

    private CtcDecoder() {
    }

    /** The {@code k} most probable texts of at most {@code maxLength} characters, best first. */
    static List<Decoded> kBest(double[][] p, int k, int beamWidth, int maxLength) {
        Map<String, double[]> beams = new HashMap<>();
        beams.put("", new double[] {1, 0}); // prob ending in blank, prob ending in a character
        for (double[] step : p) {
            Map<String, double[]> next = new HashMap<>();
            for (Map.Entry<String, double[]> e : beams.entrySet()) {
                String prefix = e.getKey();
                double pb = e.getValue()[0];
                double pnb = e.getValue()[1];
                double total = pb + pnb;
                // stay: blank, or repeat the last character
                double[] stay = next.computeIfAbsent(prefix, x -> new double[2]);
                stay[0] += total * step[0];
                int last = prefix.isEmpty() ? -1 : Alphabet.reducedOf(prefix.charAt(prefix.length() - 1));
                if (last > 0) {
                    stay[1] += pnb * step[last];
                }
                if (prefix.length() >= maxLength) {
                    continue;
                }
                for (int c = 1; c < step.length; c++) {
                    double pc = step[c];
                    if (pc < PRUNE) {
                        continue;
                    }
                    String ext = prefix + Alphabet.charOf(c);
                    double[] n = next.computeIfAbsent(ext, x -> new double[2]);
                    // a repeated character needs a blank in between
                    n[1] += (c == last ? pb : total) * pc;
                }
            }
            beams = prune(next, beamWidth);
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(beams.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0] + e.getValue()[1]).reversed());
        List<Decoded> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : ranked) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            out.add(new Decoded(e.getKey(), e.getValue()[0] + e.getValue()[1], confidences(p, e.getKey())));
            if (out.size() == k) {
                break;
            }
        }
        return out;
    }

    private static Map<String, double[]> prune(Map<String, double[]> all, int width) {
        if (all.size() <= width) {
            return all;
        }
        List<Map.Entry<String, double[]>> list = new ArrayList<>(all.entrySet());
        list.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0] + e.getValue()[1]).reversed());
        Map<String, double[]> kept = new HashMap<>();
        for (int i = 0; i < width; i++) {
            kept.put(list.get(i).getKey(), list.get(i).getValue());
        }
        return kept;
    }

    /**
     * The natural log of the probability the model gives {@code text}: the CTC forward algorithm, summing
     * every alignment of the text to the timesteps (blanks between and around characters, a blank
     * between repeated characters). {@code Double.NEGATIVE_INFINITY} when the text cannot be aligned
     * (more characters and needed blanks than timesteps). Scores any text, so a reading another model
     * proposed can be weighed by this one.
     */
    static double logProbability(double[][] p, String text) {
        int n = text.length();
        int s = 2 * n + 1;
        int[] label = new int[s];
        for (int i = 0; i < s; i++) {
            label[i] = i % 2 == 0 ? 0 : Alphabet.reducedOf(text.charAt(i / 2));
            if (i % 2 == 1 && label[i] == 0) {
                return Double.NEGATIVE_INFINITY; // not a plate character
            }
        }
        if (p.length == 0) {
            return n == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        // scaled forward variables: alpha is renormalized at every step and the scales' logs summed
        double[] alpha = new double[s];
        double[] next = new double[s];
        alpha[0] = p[0][0];
        if (s > 1) {
            alpha[1] = p[0][label[1]];
        }
        double logScale = 0;
        double sum = 0;
        for (double a : alpha) {
            sum += a;
        }
        if (sum <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < s; i++) {
            alpha[i] /= sum;
        }
        logScale += Math.log(sum);
        for (int t = 1; t < p.length; t++) {
            sum = 0;
            for (int i = 0; i < s; i++) {
                double a = alpha[i];
                if (i >= 1) {
                    a += alpha[i - 1];
                }
                if (i >= 2 && label[i] != 0 && label[i] != label[i - 2]) {
                    a += alpha[i - 2];
                }
                next[i] = a * p[t][label[i]];
                sum += next[i];
            }
            if (sum <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            for (int i = 0; i < s; i++) {
                alpha[i] = next[i] / sum;
            }
            logScale += Math.log(sum);
        }
        double end = alpha[s - 1] + (s >= 2 ? alpha[s - 2] : 0);
        return end <= 0 ? Double.NEGATIVE_INFINITY : logScale + Math.log(end);
    }

    /**
     * Per-character confidence of {@code text}: the Viterbi alignment of the text to the timesteps,
     * then for each character the highest probability it has over the timesteps aligned to it.
     */
    static double[] confidences(double[][] p, String text) {
        int n = text.length();
        double[] conf = new double[n];
        int[] path = viterbi(p, text);
        if (path == null) {
            return conf;
        }
        for (int t = 0; t < path.length; t++) {
            if (path[t] >= 0) {
                int ch = path[t];
                conf[ch] = Math.max(conf[ch], p[t][Alphabet.reducedOf(text.charAt(ch))]);
            }
        }
        return conf;
    }

    /**
     * Where each character of {@code text} lies in the timesteps: for character k, its first and last
     * timestep ({@code [k][0]}, {@code [k][1]}, inclusive) on the Viterbi alignment; null when the text
     * has more characters than timesteps.
     */
    static int[][] spans(double[][] p, String text) {
        int[] path = viterbi(p, text);
        if (path == null) {
            return null;
        }
        int[][] spans = new int[text.length()][];
        for (int t = 0; t < path.length; t++) {
            int ch = path[t];
            if (ch >= 0) {
                spans[ch] = spans[ch] == null ? new int[] {t, t} : new int[] {spans[ch][0], t};
            }
        }
        for (int[] span : spans) {
            if (span == null) {
                return null; // the alignment skipped a character (too few timesteps for repeated characters and their blanks)
            }
        }
        return spans;
    }

    /**
     * The most probable CTC alignment of {@code text} to the timesteps: for each timestep the index of
     * the character it emits, or -1 for a blank; null when the text has more characters than timesteps.
     */
    private static int[] viterbi(double[][] p, String text) {
        int n = text.length();
        int s = 2 * n + 1;
        int steps = p.length;
        if (steps < n || steps == 0) {
            return null;
        }
        double[][] score = new double[steps][s];
        int[][] from = new int[steps][s];
        for (double[] row : score) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        int[] label = new int[s];
        for (int i = 0; i < s; i++) {
            label[i] = i % 2 == 0 ? 0 : Alphabet.reducedOf(text.charAt(i / 2));
        }
        score[0][0] = log(p[0][0]);
        if (s > 1) {
            score[0][1] = log(p[0][label[1]]);
        }
        for (int t = 1; t < steps; t++) {
            for (int i = 0; i < s; i++) {
                double best = score[t - 1][i];
                int arg = i;
                if (i >= 1 && score[t - 1][i - 1] > best) {
                    best = score[t - 1][i - 1];
                    arg = i - 1;
                }
                if (i >= 2 && label[i] != 0 && label[i] != label[i - 2] && score[t - 1][i - 2] > best) {
                    best = score[t - 1][i - 2];
                    arg = i - 2;
                }
                score[t][i] = best + log(p[t][label[i]]);
                from[t][i] = arg;
            }
        }
        int state = s - 1;
        if (s >= 2 && score[steps - 1][s - 2] > score[steps - 1][s - 1]) {
            state = s - 2;
        }
        int[] path = new int[steps];
        for (int t = steps - 1; t >= 0; t--) {
            path[t] = state % 2 == 1 ? state / 2 : -1;
            state = from[t][state];
        }
        return path;
    }

    private static double log(double x) {
        return Math.log(Math.max(x, 1e-30));
    }
}
