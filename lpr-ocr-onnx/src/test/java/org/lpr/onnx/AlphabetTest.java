package org.lpr.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlphabetTest {
    /** A model alphabet with plate characters, lower case, punctuation and other scripts, blank at 0. */
    private static List<String> modelAlphabet() {
        List<String> a = new ArrayList<>();
        for (char c : "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-. ".toCharArray()) {
            a.add(String.valueOf(c));
        }
        a.add("中");
        a.add("ab");
        return a;
    }

    private static float[] scores(Random r, int steps, int classes, boolean softmax) {
        float[] x = new float[steps * classes];
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            double[] e = new double[classes];
            for (int c = 0; c < classes; c++) {
                e[c] = r.nextGaussian() * 3;
                sum += Math.exp(e[c]);
            }
            for (int c = 0; c < classes; c++) {
                x[t * classes + c] = softmax ? (float) (Math.exp(e[c]) / sum) : (float) e[c];
            }
        }
        return x;
    }

    @Test
    void reduceAndRead_probabilitiesOrLogits_equalsTwoPassReference() {
        List<String> chars = modelAlphabet();
        int classes = chars.size() + 1;
        Alphabet a = new Alphabet(chars, 0, classes);
        Random r = new Random(7);
        for (boolean softmax : new boolean[] {true, false}) {
            for (int trial = 0; trial < 20; trial++) {
                int steps = 5 + trial;
                float[] x = scores(r, steps + 2, classes, softmax);
                int offset = classes; // a line that starts after another's first step
                Alphabet.Reduced both = a.reduceAndRead(x, offset, steps, classes, 0);
                double[][] reduced = referenceReduce(chars, x, offset, steps, classes);
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(reduced[t], both.probabilities()[t], 0.0, "step " + t);
                    assertArrayEquals(reduced[t], a.reduce(x, offset, steps, classes)[t], 0.0, "reduce, step " + t);
                }
                assertEquals(referenceGreedy(chars, x, offset, steps, classes), both.text());
            }
        }
    }

    /** The plate class of model class {@code c} (blank at 0): 0 for none, else 1 + its index in {@code 0-9A-Z}. */
    private static int plateClass(List<String> chars, int c) {
        if (c == 0) {
            return 0;
        }
        String s = chars.get(c - 1);
        return s.length() == 1 ? Alphabet.PLATE_CHARS.indexOf(Character.toUpperCase(s.charAt(0))) + 1 : 0;
    }

    /** The two-pass reduction the one-pass reader replaced: normalize (softmax when given logits), then add up per plate class. */
    private static double[][] referenceReduce(List<String> chars, float[] probs, int offset, int steps, int classes) {
        double[][] r = new double[steps][Alphabet.SIZE];
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                sum += probs[base + c];
                max = Math.max(max, probs[base + c]);
            }
            boolean logits = Math.abs(sum - 1) > 0.05 || max > 1;
            double norm = 0;
            if (logits) {
                for (int c = 0; c < classes; c++) {
                    norm += Math.exp(probs[base + c] - max);
                }
            }
            for (int c = 0; c < classes; c++) {
                r[t][plateClass(chars, c)] += logits ? Math.exp(probs[base + c] - max) / norm : probs[base + c];
            }
        }
        return r;
    }

    /** Best-path CTC text over every class, blank at 0. */
    private static String referenceGreedy(List<String> chars, float[] probs, int offset, int steps, int classes) {
        StringBuilder b = new StringBuilder();
        int prev = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int arg = 0;
            for (int c = 1; c < classes; c++) {
                if (probs[base + c] > probs[base + arg]) {
                    arg = c;
                }
            }
            if (arg != prev && arg != 0) {
                b.append(chars.get(arg - 1));
            }
            prev = arg;
        }
        return b.toString();
    }
}
