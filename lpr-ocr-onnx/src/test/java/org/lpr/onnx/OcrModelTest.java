package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.ModelLoadException;

class OcrModelTest {
    @Test
    void load_fixedSlotDescriptor_resolvesTheModelNextToIt(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("plates.properties");
        Files.writeString(d, """
                name=fast-plate
                model=plates.onnx
                input.height=64
                input.width=128
                input.layout=NHWC
                input.type=uint8
                input.colour=rgb
                alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_
                decoding=slots
                slots.pad=_
                """);
        OcrModel m = OcrModel.load(d);
        assertThat(m.source()).isEqualTo(dir.resolve("plates.onnx").toString());
        assertThat(m.layout()).isEqualTo(OcrModel.Layout.NHWC);
        assertThat(m.pixelType()).isEqualTo(OcrModel.PixelType.UINT8);
        assertThat(m.decoding()).isEqualTo(OcrModel.Decoding.FIXED_SLOTS);
        assertThat(m.alphabet()).hasSize(37);
        assertThat(m.maxInputWidth()).isEqualTo(128);
        assertThat(m.rescoring()).isEqualTo(OcrModel.Rescoring.STANDARD);
    }

    @Test
    void load_rescoringKeys_resolveTheFormatsNextToItAndReportBadFlags(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("plates.properties");
        Files.writeString(d, "name=p\nmodel=p.onnx\ninput.height=48\ninput.width=128\nalphabet=AB\n"
                + "formats=my-formats.txt\nrescore.swaps=false\n");
        OcrModel m = OcrModel.load(d);
        assertThat(m.rescoring()).isEqualTo(new OcrModel.Rescoring(dir.resolve("my-formats.txt").toString(), false, true));
        Files.writeString(d, "name=p\nmodel=p.onnx\ninput.height=48\ninput.width=128\nalphabet=AB\nrescore.dropEnds=no\n");
        assertThatThrownBy(() -> OcrModel.load(d)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("rescore.dropEnds 'no' is not true or false");
    }

    @Test
    void load_badDescriptor_reportsEveryProblem(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("bad.properties");
        Files.writeString(d, "name=x\nmodel=x.onnx\ninput.height=abc\ninput.layout=NCWH\nalphabet=AB\ndecoding=slots\n");
        assertThatThrownBy(() -> OcrModel.load(d)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("input.height 'abc' is not an integer")
                .hasMessageContaining("input.layout 'NCWH'");
    }

    @Test
    void ppOcrV4_hasTheDictionaryAndSpace() {
        OcrModel m = OcrModel.ppOcrV4();
        assertThat(m.alphabet()).hasSize(6624).endsWith(" ");
        assertThat(m.decoding()).isEqualTo(OcrModel.Decoding.CTC);
    }

    @Test
    void recognizer_missingModelFile_failsWithModelLoadExceptionNamingIt(@TempDir Path dir) {
        OcrModel m = new OcrModel("missing", dir.resolve("none.onnx").toString(), 48, 0, 320, OcrModel.Layout.NCHW,
                OcrModel.PixelType.FLOAT32, OcrModel.Colour.BGR, 0.5f, 0.5f, java.util.List.of("A"), OcrModel.Decoding.CTC, 0, '_');
        OnnxPlateRecognizer r = OnnxPlateRecognizer.builder().model(m).findLines(false).build();
        assertThatThrownBy(() -> r.recognize(TestPlates.crop("ABC123"))).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("none.onnx");
    }
}
