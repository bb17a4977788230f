package org.lpr.opencv;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * What the equivalence tests of the project's own CTC plate models share: an ONNX Runtime session,
 * one run of it, the largest difference between two engines' outputs, and best-path decoding over
 * blank + {@code 0-9A-Z}.
 */
final class OwnCtcModels {
    /** Class 0 is the CTC blank; class k is the k-th character. */
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final int CLASSES = ALPHABET.length() + 1;

    private OwnCtcModels() {
    }

    /** An ONNX Runtime session of {@code model} on 2 threads. */
    static OrtSession session(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            return OrtEnvironment.getEnvironment().createSession(model, options);
        }
    }

    /** The session's first output, flattened, for input {@code x} (named {@code x}) of {@code shape}. */
    static float[] run(OrtSession session, float[] x, long[] shape) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(x), shape);
                OrtSession.Result r = session.run(Map.of("x", t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] a = new float[out.remaining()];
            out.get(a);
            return a;
        }
    }

    /** The largest absolute difference between {@code a} and {@code b}, element by element. */
    static double maxDifference(float[] a, float[] b) {
        double diff = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
        }
        return diff;
    }

    /** Best-path CTC decoding of item {@code item} of a batch of {@code steps x CLASSES} probabilities: repeats collapsed, blanks dropped. */
    static String greedy(float[] p, int item, int steps) {
        StringBuilder s = new StringBuilder();
        int prev = 0;
        for (int t = 0; t < steps; t++) {
            int row = (item * steps + t) * CLASSES;
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (p[row + c] > p[row + best]) {
                    best = c;
                }
            }
            if (best != prev && best != 0) {
                s.append(ALPHABET.charAt(best - 1));
            }
            prev = best;
        }
        return s.toString();
    }
}
