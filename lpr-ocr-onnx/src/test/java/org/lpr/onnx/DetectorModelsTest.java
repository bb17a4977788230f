package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedScene;

/** The shipped copies of the DB detector: the fused float one computes the original's map, the int8 one finds the same plates. */
class DetectorModelsTest {
    private static final int SCENES = 12;
    private static final List<RenderedScene> scenes = new ArrayList<>();

    @BeforeAll
    static void render() {
        PlateRenderer renderer = PlateRenderer.builder().seed(77).build();
        for (int i = 0; i < SCENES; i++) {
            scenes.add(renderer.renderScene(i));
        }
    }

    @AfterAll
    static void clear() {
        scenes.clear();
    }

    private static float[] map(OnnxPlateDetector.Model model, DbTextDetector.Input in) {
        try (DbTextDetector d = new DbTextDetector(model.source, 2)) {
            return d.map(in);
        }
    }

    private static int found(OnnxPlateDetector.Model model) {
        int found = 0;
        try (OnnxPlateDetector d = OnnxPlateDetector.builder().model(model).threads(2).build()) {
            for (RenderedScene s : scenes) {
                if (d.detect(s.image()).stream().anyMatch(r -> r.polygon().boundingBoxIoU(s.outline()) > 0.4)) {
                    found++;
                }
            }
        }
        return found;
    }

    @Test
    void fusedModelComputesTheOriginalMap() {
        DbTextDetector.Input in = DbTextDetector.input(scenes.get(0).image(), 960);
        float[] original = map(OnnxPlateDetector.Model.ORIGINAL, in);
        float[] fused = map(OnnxPlateDetector.Model.FUSED, in);
        assertThat(fused).hasSameSizeAs(original);
        double max = 0;
        for (int i = 0; i < original.length; i++) {
            max = Math.max(max, Math.abs(original[i] - fused[i]));
        }
        assertThat(max).isLessThan(1e-3);
    }

    @Test
    void int8ModelAgreesWithTheFloatMap() {
        DbTextDetector.Input in = DbTextDetector.input(scenes.get(1).image(), 960);
        float[] f = map(OnnxPlateDetector.Model.FUSED, in);
        float[] q = map(OnnxPlateDetector.Model.INT8, in);
        long inter = 0;
        long union = 0;
        for (int i = 0; i < f.length; i++) {
            boolean a = f[i] > 0.3f;
            boolean b = q[i] > 0.3f;
            inter += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        assertThat(union).isPositive();
        assertThat((double) inter / union).isGreaterThan(0.75);
    }

    @Test
    void everyModelFindsTheRenderedPlates() {
        int original = found(OnnxPlateDetector.Model.ORIGINAL);
        int fused = found(OnnxPlateDetector.Model.FUSED);
        int int8 = found(OnnxPlateDetector.Model.INT8);
        assertThat(original).isGreaterThanOrEqualTo(SCENES / 2);
        assertThat(fused).isEqualTo(original);
        assertThat(int8).isGreaterThanOrEqualTo(original - 1);
    }

    @Test
    void unknownDetectorPropertyIsNamed() {
        String old = System.getProperty("lpr.onnx.detector");
        System.setProperty("lpr.onnx.detector", "int4");
        try {
            assertThatThrownBy(OnnxPlateDetector::builder).hasMessageContaining("int4").hasMessageContaining("fused, int8, original");
        } finally {
            if (old == null) {
                System.clearProperty("lpr.onnx.detector");
            } else {
                System.setProperty("lpr.onnx.detector", old);
            }
        }
    }
}
