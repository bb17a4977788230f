package org.lpr.onnx;

import java.util.List;

/**
 * Maps a model's output classes onto the plate alphabet {@code [0-9A-Z]}: lower-case letters count as
 * upper case; every other class (punctuation, spaces, other scripts) counts as "no character".
 */
final class Alphabet {
    /** The plate characters, in reduced class order after the "none" class 0. */
    static final String PLATE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final int SIZE = PLATE_CHARS.length() + 1;

    private final int[] toReduced;
    private final String[] classText;

    /**
     * @param alphabet the model's characters in class order, excluding {@code skipIndex}
     * @param skipIndex the class that has no character (the CTC blank), or -1
     * @param classes the number of output classes
     */
    Alphabet(List<String> alphabet, int skipIndex, int classes) {
        toReduced = new int[classes];
        classText = new String[classes];
        int a = 0;
        for (int c = 0; c < classes; c++) {
            if (c == skipIndex || a >= alphabet.size()) {
                toReduced[c] = 0;
                classText[c] = "";
                continue;
            }
            String s = alphabet.get(a++);
            classText[c] = s;
            toReduced[c] = s.length() == 1 ? PLATE_CHARS.indexOf(Character.toUpperCase(s.charAt(0))) + 1 : 0;
            if (s.length() == 1 && !isPlateChar(Character.toUpperCase(s.charAt(0)))) {
                toReduced[c] = 0;
            }
        }
    }

    private static boolean isPlateChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Reduces {@code steps x classes} probabilities starting at {@code offset} to {@code steps x SIZE}. */
    double[][] reduce(float[] probs, int offset, int steps, int classes) {
        return reduceAndRead(probs, offset, steps, classes, -1).probabilities();
    }

    /** A line's distributions over the plate alphabet ({@link #reduce}) and its best-path text over every class (CTC greedy, for reading legends and slogans). */
    record Reduced(double[][] probabilities, String text) {
    }

    /**
     * The reduction to the plate alphabet and the best-path text in one pass over the classes (the same values): a model's
     * output is read once, not three times. {@code blank} is the CTC blank, or -1 for no text.
     */
    Reduced reduceAndRead(float[] probs, int offset, int steps, int classes, int blank) {
        double[][] r = new double[steps][SIZE];
        StringBuilder text = new StringBuilder();
        int prev = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            double[] row = r[t];
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            // assume probabilities (a softmax output) and add them up as they are summed; logits are redone below
            for (int c = 0; c < classes; c++) {
                float v = probs[base + c];
                sum += v;
                max = Math.max(max, v);
                if (c > 0 && v > probs[base + arg]) {
                    arg = c;
                }
                row[toReduced[c]] += v;
            }
            boolean logits = Math.abs(sum - 1) > 0.05 || max > 1;
            if (logits) {
                java.util.Arrays.fill(row, 0);
                double norm = 0;
                for (int c = 0; c < classes; c++) {
                    norm += Math.exp(probs[base + c] - max);
                }
                for (int c = 0; c < classes; c++) {
                    row[toReduced[c]] += Math.exp(probs[base + c] - max) / norm;
                }
            }
            if (blank >= 0 && arg != prev && arg != blank) {
                text.append(classText[arg]);
            }
            prev = arg;
        }
        return new Reduced(r, text.toString());
    }

    static char charOf(int reduced) {
        return PLATE_CHARS.charAt(reduced - 1);
    }

    static int reducedOf(char c) {
        return PLATE_CHARS.indexOf(c) + 1;
    }
}
