package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;
import org.lpr.synth.PlateRenderer;

/** The SDK's own plate reader (plate-rec-v1, see its model card) loads and reads plates it never saw. */
class PlateRecV1Test {
    private static final String DESCRIPTOR = "/org/lpr/onnx/models/plate-rec-v1.properties";
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
    void descriptor_describesWholePlateCtcModel() {
        OcrModel model = OcrModel.loadResource(DESCRIPTOR);
        assertThat(model.name()).isEqualTo("plate-rec-v1");
        assertThat(model.inputHeight()).isEqualTo(48);
        assertThat(model.inputWidth()).isEqualTo(128);
        assertThat(model.colour()).isEqualTo(OcrModel.Colour.BGR);
        assertThat(model.decoding()).isEqualTo(OcrModel.Decoding.CTC);
        assertThat(String.join("", model.alphabet())).isEqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        // rescored with the formats it was trained on, nothing swapped or dropped (the model card says why)
        assertThat(model.rescoring().formats()).endsWith("/org/lpr/onnx/models/plate-rec-v1-formats.txt");
        assertThat(model.rescoring().swaps()).isFalse();
        assertThat(model.rescoring().dropEnds()).isFalse();
        SerialFormats formats = SerialFormats.of(model.rescoring());
        assertThat(formats.knows(Jurisdiction.parse("AK"))).isTrue();
        assertThat(formats.matches("ABC123", Jurisdiction.parse("AK"))).isTrue();
    }

    @Test
    void recognize_freshCleanSyntheticPlates_readsAtLeastThreeQuarters() {
        // seed 2024 was never rendered for training (training used seed 1, validation seeds 2 and 3)
        PlateRenderer renderer = PlateRenderer.builder().seed(2024).photoEffects(false).build();
        SyntheticAccuracy measured = SyntheticAccuracy.measure(recognizer, renderer, 200);
        // plate-rec-v1 read 80.5 % of these 200 plates before the renderer's legibility fix (model card); the target is 99 % (not met yet).
        // A broken export, descriptor or decoder reads almost none.
        assertThat(measured.accuracy()).as("exact reads; misses %s", measured.misses()).isGreaterThanOrEqualTo(0.75);
    }
}
