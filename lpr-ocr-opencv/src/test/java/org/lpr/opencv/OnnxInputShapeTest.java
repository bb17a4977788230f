package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lpr.core.ModelLoadException;

class OnnxInputShapeTest {
    @Test
    void fix_keepsTheInputNameAndGrowsOnlyTheShape() {
        byte[] model = ModelBytes.read(DnnPlateDetector.PP_OCR_V4_DET);
        byte[] fixed = OnnxInputShape.fix(model, new long[] {1, 3, 64, 128}, "det");
        assertThat(OnnxInputShape.firstInputName(fixed)).isEqualTo(OnnxInputShape.firstInputName(model)).isEqualTo("x");
        assertThat(Math.abs(fixed.length - model.length)).isLessThan(100);
    }

    @Test
    void fix_notAModel_failsWithModelLoadException() {
        assertThatThrownBy(() -> OnnxInputShape.fix(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, new long[] {1}, "junk.onnx"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("corrupt ONNX model");
    }

    @Test
    void read_missingModel_namesIt() {
        assertThatThrownBy(() -> ModelBytes.read("/nonexistent/model.onnx"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("/nonexistent/model.onnx");
    }
}
