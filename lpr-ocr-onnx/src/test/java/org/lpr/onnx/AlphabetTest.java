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
    void reduceAndRead_probabilitiesOrLogits_equalsReduceAndGreedy() {
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
                double[][] reduced = a.reduce(x, offset, steps, classes);
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(reduced[t], both.probabilities()[t], 0.0, "step " + t);
                }
                assertEquals(a.greedy(x, offset, steps, classes, 0), both.text());
            }
        }
    }
}
