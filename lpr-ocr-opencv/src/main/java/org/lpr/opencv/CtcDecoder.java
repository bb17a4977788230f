package org.lpr.opencv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;

/**
 * Decodes a CTC recognizer's per-frame probabilities into plate readings restricted to
 * {@code [A-Z0-9]}: lower-case letters count as their upper-case forms, every other label (other
 * scripts, punctuation, space) counts as the blank, since a plate's printed separators are not part
 * of its text. Gives the greedy best path with per-character confidences and the k best labelings by
 * a CTC prefix beam search (each labeling's probability summed over all its alignments).
 */
final class CtcDecoder {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int CLASSES = ALPHABET.length() + 1; // 0 is the blank
    private static final int MAX_PREFIX = Plate.MAX_LENGTH + 4;

    private final int[] classOfLabel;
    private final int beamWidth;

    /**
     * @param labels the model's output labels by index; index 0 is the CTC blank
     * @param beamWidth prefixes kept per frame by the beam search
     */
    CtcDecoder(List<String> labels, int beamWidth) {
        this.classOfLabel = new int[labels.size()];
        for (int i = 1; i < labels.size(); i++) {
            String l = labels.get(i);
            int c = l.length() == 1 ? ALPHABET.indexOf(Character.toUpperCase(l.charAt(0))) : -1;
            classOfLabel[i] = c < 0 ? 0 : c + 1;
        }
        this.beamWidth = beamWidth;
    }

    /** The decoding of one crop. */
    record Decoded(List<Candidate> candidates, List<Double> characterConfidences) {
    }

    /**
     * Decodes {@code frames x labels} probabilities (row-major, starting at {@code offset}) into at most
     * {@code maxCandidates} readings, best first.
     */
    Decoded decode(float[] probs, int offset, int frames, int labels, int maxCandidates) {
        if (labels != classOfLabel.length) {
            throw new IllegalArgumentException("model gives " + labels + " labels per frame; its label list has " + classOfLabel.length);
        }
        double[][] p = new double[frames][CLASSES];
        for (int t = 0; t < frames; t++) {
            int row = offset + t * labels;
            for (int l = 0; l < labels; l++) {
                p[t][classOfLabel[l]] += probs[row + l];
            }
        }
        List<Candidate> candidates = beamSearch(p, maxCandidates);
        List<Double> charConfidences = List.of();
        if (!candidates.isEmpty()) {
            Greedy g = greedy(p);
            if (g.text.equals(candidates.get(0).text())) {
                charConfidences = g.confidences;
            }
        }
        return new Decoded(candidates, charConfidences);
    }

    private record Greedy(String text, List<Double> confidences) {
    }

    private static Greedy greedy(double[][] p) {
        StringBuilder text = new StringBuilder();
        List<Double> conf = new ArrayList<>();
        int prev = 0;
        for (double[] frame : p) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (frame[c] > frame[best]) {
                    best = c;
                }
            }
            if (best != 0 && best != prev) {
                text.append(ALPHABET.charAt(best - 1));
                conf.add(Math.min(1.0, frame[best]));
            } else if (best != 0) {
                conf.set(conf.size() - 1, Math.max(conf.get(conf.size() - 1), Math.min(1.0, frame[best])));
            }
            prev = best;
        }
        return new Greedy(text.toString(), conf);
    }

    /** Probability of a prefix ending in a blank ({@code pb}) and in its last character ({@code pnb}). */
    private static final class Beam {
        double pb;
        double pnb;

        double total() {
            return pb + pnb;
        }
    }

    private List<Candidate> beamSearch(double[][] p, int maxCandidates) {
        Map<String, Beam> beams = new HashMap<>();
        Beam start = new Beam();
        start.pb = 1;
        beams.put("", start);
        for (double[] frame : p) {
            Map<String, Beam> next = new HashMap<>();
            for (Map.Entry<String, Beam> e : beams.entrySet()) {
                String prefix = e.getKey();
                Beam b = e.getValue();
                next.computeIfAbsent(prefix, k -> new Beam()).pb += b.total() * frame[0];
                char last = prefix.isEmpty() ? 0 : prefix.charAt(prefix.length() - 1);
                for (int c = 1; c < CLASSES; c++) {
                    double pc = frame[c];
                    if (pc < 1e-6) {
                        continue;
                    }
                    char ch = ALPHABET.charAt(c - 1);
                    if (ch == last) {
                        // a repeat without a blank between collapses into the same character
                        next.computeIfAbsent(prefix, k -> new Beam()).pnb += b.pnb * pc;
                        if (prefix.length() < MAX_PREFIX) {
                            next.computeIfAbsent(prefix + ch, k -> new Beam()).pnb += b.pb * pc;
                        }
                    } else if (prefix.length() < MAX_PREFIX) {
                        next.computeIfAbsent(prefix + ch, k -> new Beam()).pnb += b.total() * pc;
                    }
                }
            }
            beams = prune(next);
        }
        return beams.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && e.getKey().length() <= Plate.MAX_LENGTH && e.getValue().total() > 0)
                .sorted(Map.Entry.<String, Beam>comparingByValue(Comparator.comparingDouble(Beam::total)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(maxCandidates)
                .map(e -> new Candidate(e.getKey(), Math.max(0, Math.min(1, e.getValue().total()))))
                .toList();
    }

    private Map<String, Beam> prune(Map<String, Beam> next) {
        if (next.size() <= beamWidth) {
            return next;
        }
        Map<String, Beam> kept = new HashMap<>();
        next.entrySet().stream()
                .sorted(Map.Entry.<String, Beam>comparingByValue(Comparator.comparingDouble(Beam::total)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(beamWidth)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
