package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lpr.core.image.Image;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedPlate;

/**
 * The project's own whole-plate readers, {@code plate-rec-v3.onnx} (the ensemble's default),
 * {@code plate-rec-v2.onnx} and {@code plate-rec-v1.onnx} (shipped by lpr-ocr-onnx; see their model cards), give the same output on
 * OpenCV DNN as on ONNX Runtime: on freshly rendered synthetic plates, the same input array gives probabilities within {@link OnnxRuntimeEquivalenceTest#TOLERANCE} and the
 * same decoded text. OpenCV 4.9 imports them, as PP-OCRv4's recognizer, once the input shape is fixed
 * (here to their 1x3x48x128).
 */
class PlateRecEquivalenceTest {
    private static final int H = 48;
    private static final int W = 128;
    private static final int PLATES = 24;

    /** The model's input: the whole crop resized to 128x48 (OpenCV bilinear), B, G, R, x / 127.5 - 1. */
    private static float[] input(Image crop) {
        byte[] px = Blobs.resized(crop, W, H);
        float[] x = new float[3 * H * W];
        for (int i = 0; i < H * W; i++) {
            for (int c = 0; c < 3; c++) {
                x[c * H * W + i] = (px[i * 3 + c] & 0xFF) / 127.5f - 1f;
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plate-rec-v3", "plate-rec-v2", "plate-rec-v1"})
    void renderedPlates_sameProbabilitiesAndSameTextOnBothEngines(String name) throws Exception {
        byte[] model = ModelBytes.read("classpath:org/lpr/onnx/models/" + name + ".onnx");
        NetPool opencv = new NetPool(OnnxInputShape.fix(model, new long[] {1, 3, H, W}, name), name, 1);
        try (OrtSession ort = OwnCtcModels.session(model)) {
            compare(ort, opencv);
        }
    }

    private static void compare(OrtSession ort, NetPool opencv) throws Exception {
        // seed 77 was never rendered for the model's training (seed 1) or validation (seeds 2 and 3)
        PlateRenderer renderer = PlateRenderer.builder().seed(77).build();
        int right = 0;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < PLATES; i++) {
            RenderedPlate plate = renderer.render(i);
            float[] x = input(plate.image());
            float[] a = OwnCtcModels.run(ort, x, new long[] {1, 3, H, W});
            float[] b = opencv.run(net -> Blobs.forward(net, x, 1, 3, H, W));
            assertThat(b).as("output size, plate %d", i).hasSameSizeAs(a).hasSize(16 * 37);
            assertThat(OwnCtcModels.maxDifference(a, b)).as("max probability difference, plate %s", plate.plate().text())
                    .isLessThan(OnnxRuntimeEquivalenceTest.TOLERANCE);
            String read = OwnCtcModels.greedy(a, 0, a.length / OwnCtcModels.CLASSES);
            assertThat(OwnCtcModels.greedy(b, 0, b.length / OwnCtcModels.CLASSES)).as("OpenCV DNN's reading of %s", plate.plate().text())
                    .isEqualTo(read);
            texts.add(plate.plate().text() + "->" + read);
            if (read.equals(plate.plate().text())) {
                right++;
            }
        }
        // a real reading, not two engines agreeing on noise: both read about 90 % of such plates (model cards)
        assertThat(right).as("plates read right: %s", texts).isGreaterThanOrEqualTo(PLATES / 2);
    }
}
