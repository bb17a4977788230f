package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.synth.PlateRenderer;

/** The compact plate reader (plate-lite, see its model card) loads and reads synthetic plates it never saw. */
class PlateLiteTest {
    private static final String DESCRIPTOR = "/org/lpr/onnx/models/plate-lite.properties";
    /** Never rendered for training (training used seed 1, validation seeds 2 and 3). */
    private static final long FRESH_SEED = 2024;
    private static final int PLATES = 300;
    // bounds a little under what the shipped model reads (seeded renders, so the figures repeat); the issue asks 99 %
    private static final double CLEAN_BOUND = 0.97;
    private static final double PHOTO_BOUND = 0.93;
    private static final double NATURAL_BOUND = 0.97;
    private static OnnxPlateRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = OnnxPlateRecognizer.builder().model(OcrModel.loadResource(DESCRIPTOR)).threads(2).build();
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    @Test
    void descriptor_describesGreyWholePlateCtcModel() {
        OcrModel model = OcrModel.loadResource(DESCRIPTOR);
        assertThat(model.name()).isEqualTo("plate-lite");
        assertThat(model.inputHeight()).isEqualTo(32);
        assertThat(model.inputWidth()).isEqualTo(128);
        assertThat(model.colour()).isEqualTo(OcrModel.Colour.GRAY);
        assertThat(model.decoding()).isEqualTo(OcrModel.Decoding.CTC);
        assertThat(String.join("", model.alphabet())).isEqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }

    @Test
    void recognize_freshCleanSyntheticPlates_readsMostExactly() {
        double accuracy = accuracy(PlateRenderer.builder().seed(FRESH_SEED).photoEffects(false).outputSize(192, 96).build());
        // plate-lite (sixth run) reads 98.0 % of these 300 (model card; the third version 98.3 %, the second 96.7 %); the issue
        // asks 99 %: not met, the misses are O/0 and I/1 in serials that allow both. A broken export reads almost none.
        assertThat(accuracy).isGreaterThanOrEqualTo(CLEAN_BOUND);
    }

    @Test
    void recognize_freshSyntheticPlatesWithCameraEffects_readsMost() {
        double accuracy = accuracy(PlateRenderer.builder().seed(FRESH_SEED).outputSize(192, 96).build());
        // 95.0 % of these 300 (third version 95.3 %, second 95.3 %): blur, noise, low light, glare, perspective as in
        // its training renders
        assertThat(accuracy).isGreaterThanOrEqualTo(PHOTO_BOUND);
    }

    @Test
    void recognize_freshCleanPlatesAtNaturalSize_readsMostExactly() {
        // natural size crops (several hundred pixels wide) go through the halving path of the preprocessing: 98.3 %
        // (sixth run and third version alike)
        double accuracy = accuracy(PlateRenderer.builder().seed(FRESH_SEED + 1).photoEffects(false).build());
        assertThat(accuracy).isGreaterThanOrEqualTo(NATURAL_BOUND);
    }

    private static double accuracy(PlateRenderer renderer) {
        SyntheticAccuracy measured = SyntheticAccuracy.measure(recognizer, renderer, PLATES);
        double accuracy = measured.accuracy();
        System.out.printf("plate-lite: %.1f %% of %d exact; misses %s%n", 100 * accuracy, PLATES, measured.misses());
        return accuracy;
    }
}
