package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.synth.RenderedPlate;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * lpr-ocr-onnx's compact plate reader ({@code plate-lite.onnx}, from that module's jar, a test-scope
 * dependency only) gives the same probabilities on OpenCV DNN as on ONNX
 * Runtime for the same input arrays, so both decode the same plates.
 */
class PlateLiteEquivalenceTest {
    private static final String MODEL = "classpath:org/lpr/onnx/models/plate-lite.onnx";
    private static final int H = 32;
    private static final int W = 128;
    private static final int CROPS = 16;

    private static OrtSession ort;
    private static Net net;

    @BeforeAll
    static void open() throws Exception {
        byte[] bytes = ModelBytes.read(MODEL);
        ort = OwnCtcModels.session(bytes);
        Natives.load();
        net = Dnn.readNetFromONNX(new MatOfByte(bytes));
        net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
    }

    @AfterAll
    static void close() throws Exception {
        ort.close();
    }

    /** The model's input for {@code crop}: grey 128x32, (v / 255 - 0.5) / 0.5, NCHW. */
    private static float[] input(Image crop) {
        byte[] px = Blobs.resized(crop, W, H);
        float[] out = new float[H * W];
        for (int i = 0; i < out.length; i++) {
            double grey = 0.114 * (px[3 * i] & 0xFF) + 0.587 * (px[3 * i + 1] & 0xFF) + 0.299 * (px[3 * i + 2] & 0xFF);
            out[i] = (float) ((Math.round(grey) / 255.0 - 0.5) / 0.5);
        }
        return out;
    }

    private static float[] runOpenCv(float[] input, int n) {
        return Blobs.forward(net, input, n, 1, H, W);
    }

    @Test
    void plateLite_sameBatchInput_sameProbabilitiesAndSameReadings() throws Exception {
        List<String> truth = new ArrayList<>();
        float[] batch = new float[CROPS * H * W];
        for (int i = 0; i < CROPS; i++) {
            RenderedPlate plate = SyntheticPlates.crop(i);
            truth.add(plate.plate().text());
            System.arraycopy(input(plate.image()), 0, batch, i * H * W, H * W);
        }
        float[] a = OwnCtcModels.run(ort, batch, new long[] {CROPS, 1, H, W});
        float[] b = runOpenCv(batch, CROPS);
        assertThat(b).hasSameSizeAs(a);
        int steps = a.length / CROPS / OwnCtcModels.CLASSES;
        assertThat(steps * OwnCtcModels.CLASSES * CROPS).isEqualTo(a.length);
        assertThat(OwnCtcModels.maxDifference(a, b)).as("max probability difference").isLessThan(OnnxRuntimeEquivalenceTest.TOLERANCE);
        List<String> readA = new ArrayList<>();
        List<String> readB = new ArrayList<>();
        for (int i = 0; i < CROPS; i++) {
            readA.add(OwnCtcModels.greedy(a, i, steps));
            readB.add(OwnCtcModels.greedy(b, i, steps));
        }
        assertThat(readB).isEqualTo(readA);
        // the model reads these plain rendered plates (a broken export would decode noise on both engines alike)
        long right = 0;
        for (int i = 0; i < CROPS; i++) {
            if (readA.get(i).equals(truth.get(i))) {
                right++;
            }
        }
        System.out.printf("plate-lite on plain rendered plates: %d/%d; read %s, truth %s%n", right, CROPS, readA, truth);
        assertThat(right).as("plates read, of %d: %s vs %s", CROPS, readA, truth).isGreaterThanOrEqualTo(CROPS - 2);
    }
}
