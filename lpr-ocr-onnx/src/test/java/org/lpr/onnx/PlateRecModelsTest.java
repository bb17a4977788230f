package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lpr.core.read.Jurisdiction;
import org.lpr.synth.PlateRenderer;

/**
 * The SDK's own whole-plate readers (plate-rec-v1, plate-rec-v2 and plate-rec-v3, the ensemble's default; see their model
 * cards) load, describe themselves and read plates they never saw.
 */
class PlateRecModelsTest {
    private static final Map<String, OnnxPlateRecognizer> RECOGNIZERS = new HashMap<>();

    private static OnnxPlateRecognizer recognizer(String name) {
        return RECOGNIZERS.computeIfAbsent(name, n -> OnnxPlateRecognizer.builder()
                .model(OcrModel.loadResource("/org/lpr/onnx/models/" + n + ".properties")).threads(2).build());
    }

    @AfterAll
    static void close() {
        RECOGNIZERS.values().forEach(OnnxPlateRecognizer::close);
    }

    @ParameterizedTest
    @CsvSource({"plate-rec-v1", "plate-rec-v2", "plate-rec-v3"})
    void descriptor_describesWholePlateCtcModel(String name) {
        OcrModel model = OcrModel.loadResource("/org/lpr/onnx/models/" + name + ".properties");
        assertThat(model.name()).isEqualTo(name);
        assertThat(model.inputHeight()).isEqualTo(48);
        assertThat(model.inputWidth()).isEqualTo(128);
        assertThat(model.colour()).isEqualTo(OcrModel.Colour.BGR);
        assertThat(model.decoding()).isEqualTo(OcrModel.Decoding.CTC);
        assertThat(String.join("", model.alphabet())).isEqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        // rescored with the formats it was trained on, nothing swapped or dropped (the model cards say why)
        assertThat(model.rescoring().formats()).endsWith("/org/lpr/onnx/models/" + name + "-formats.txt");
        assertThat(model.rescoring().swaps()).isFalse();
        assertThat(model.rescoring().dropEnds()).isFalse();
        SerialFormats formats = SerialFormats.of(model.rescoring());
        assertThat(formats.knows(Jurisdiction.parse("AK"))).isTrue();
        assertThat(formats.matches("ABC123", Jurisdiction.parse("AK"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"plate-rec-v1, 1212345, false", "plate-rec-v2, 1212345, true", "plate-rec-v3, 1212345, true"})
    void formats_wyomingCountyNumber_onlyInTheFormatsOfTheModelTrainedWithIt(String name, String plate, boolean fits) {
        // Wyoming's county number (1 or 2 digits) is part of the label since plate-rec-v2's training data: county 12, serial 12345
        SerialFormats formats = SerialFormats.of(OcrModel.loadResource("/org/lpr/onnx/models/" + name + ".properties").rescoring());
        assertThat(formats.matches(plate, Jurisdiction.parse("WY"))).isEqualTo(fits);
    }

    @ParameterizedTest
    @CsvSource({"plate-rec-v1, 0.93", "plate-rec-v2, 0.95", "plate-rec-v3, 0.95"})
    void recognize_freshCleanSyntheticPlates_readsMostOfThem(String name, double bound) {
        // seed 2024 was never rendered for training (training used seed 1, validation seeds 2 and 3)
        PlateRenderer renderer = PlateRenderer.builder().seed(2024).photoEffects(false).build();
        SyntheticAccuracy measured = SyntheticAccuracy.measure(recognizer(name), renderer, 200);
        // measured on these 200 plates: plate-rec-v1 80.5 % before the renderer's legibility fix, 96.5 % now; plate-rec-v2 97.5 %, plate-rec-v3 97.5 %
        // (model cards); the target is 99 % (not met). A broken export, descriptor or decoder reads almost none.
        assertThat(measured.accuracy()).as("%s exact reads; misses %s", name, measured.misses()).isGreaterThanOrEqualTo(bound);
    }
}
