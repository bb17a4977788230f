package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;

/** The ensemble's second line reader (PP-OCRv3) on real model files: it acts on plain crops and leaves photo crops alone. */
class SecondLineReaderTest {
    /** Plates without O, 0, I or 1, whose choice between look-alikes the readers and formats may make either way on a render. */
    private static final List<String> PLATES = List.of("ABC2345", "7XK245", "HRT5682", "JKT582", "4GLS568", "W772UQ");
    private static EnsemblePlateRecognizer withSecond;
    private static EnsemblePlateRecognizer without;

    @BeforeAll
    static void load() {
        withSecond = EnsemblePlateRecognizer.builder().threads(2).build();
        without = EnsemblePlateRecognizer.builder().threads(2).secondLineShare(0).build();
    }

    @AfterAll
    static void close() {
        withSecond.close();
        without.close();
    }

    @Test
    void ppOcrV3_loadsAndReadsRenderedSerialLines() {
        try (TextReader v3 = new TextReader(OcrModel.ppOcrV3(), 2, 1)) {
            for (String plate : PLATES) {
                Image serial = TestPlates.serial(plate);
                TextReader.Scores s = v3.read(List.of(TextReader.Line.whole(serial))).get(0);
                double[][] p = v3.alphabet(s.classes()).reduce(s.data(), s.offset(), s.steps(), s.classes());
                String best = CtcDecoder.kBest(p, 1, 16, 10).get(0).text();
                assertThat(best).as("PP-OCRv3 on the serial line of %s", plate).isEqualTo(plate);
            }
        }
    }

    @Test
    void shareZero_loadsNoSecondModel() {
        // PaddleOCR's recognizer descriptor with a model file that does not exist
        OcrModel missing = OcrModel.ppOcrV4("/nonexistent/ppocr-v3.onnx");
        Image crop = TestPlates.crop(PLATES.get(0));
        try (EnsemblePlateRecognizer off = EnsemblePlateRecognizer.builder().threads(2).secondLineModel(missing).secondLineShare(0).build()) {
            assertThat(off.recognize(crop).best().orElseThrow().text()).isEqualTo(PLATES.get(0));
        }
        try (EnsemblePlateRecognizer on = EnsemblePlateRecognizer.builder().threads(2).secondLineModel(missing).build()) {
            assertThatThrownBy(() -> on.recognize(crop)).isInstanceOf(LprException.class).hasMessageContaining("ppocr-v3.onnx");
        }
    }

    @Test
    void plainCrops_readRight_andTheSecondReaderHasASay() {
        int differ = 0;
        for (String plate : PLATES) {
            Image crop = TestPlates.crop(plate);
            PlateReading a = withSecond.recognize(crop);
            PlateReading b = without.recognize(crop);
            assertThat(a.best().orElseThrow().text()).as("with the second line reader").isEqualTo(plate);
            assertThat(b.best().orElseThrow().text()).as("without it").isEqualTo(plate);
            if (!a.candidates().equals(b.candidates())) {
                differ++;
            }
        }
        // the vote is wired in on plain crops (any further vote moves some confidences; the benefit is measured on renders)
        assertThat(differ).as("plain crops whose candidates or confidences the second reader changed").isGreaterThan(0);
    }

    @Test
    void cropsCutFromAPhoto_areReadExactlyAsWithoutIt() {
        List<Image> cut = new ArrayList<>();
        for (String plate : PLATES) {
            Image crop = TestPlates.crop(plate);
            SceneScreen.rememberPlateMapCrop(crop);
            cut.add(crop);
        }
        List<PlateReading> a = withSecond.recognizeAll(cut);
        List<PlateReading> b = without.recognizeAll(cut);
        assertThat(a).isEqualTo(b);
    }
}
