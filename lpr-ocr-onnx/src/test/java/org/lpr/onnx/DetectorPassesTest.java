package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateRegion;

/** {@link OnnxPlateDetector.Builder#longSides}: one text detector pass per size, later passes adding only plates not found yet. */
class DetectorPassesTest {
    private static final ContractScene SCENE = TestPlates.scene("KT4829");

    private static List<PlateRegion> detect(int... longSides) {
        try (OnnxPlateDetector d = OnnxPlateDetector.builder().longSides(longSides).threads(2).build()) {
            return d.detect(SCENE.image());
        }
    }

    private static long onPlate(List<PlateRegion> regions) {
        return regions.stream().filter(r -> r.polygon().boundingBoxIoU(SCENE.plate()) > 0.3).count();
    }

    @Test
    void aLaterPassAddsThePlateTheFirstMissed() {
        // at 64 px the 640x480 scene's serial is a few pixels high: too small to be found
        assertThat(onPlate(detect(64))).isZero();
        assertThat(onPlate(detect(960))).isEqualTo(1);
        assertThat(onPlate(detect(64, 960))).isEqualTo(1);
    }

    @Test
    void aPlateFoundTwiceIsReportedOnce() {
        List<PlateRegion> once = detect(960);
        List<PlateRegion> twice = detect(960, 960);
        assertThat(twice).hasSameSizeAs(once);
        assertThat(onPlate(twice)).isEqualTo(1);
        assertThat(twice.stream().map(PlateRegion::polygon).toList()).isEqualTo(once.stream().map(PlateRegion::polygon).toList());
    }

    @Test
    void invalidSizesAreNamed() {
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSides(960, 1000).build())
                .isInstanceOf(LprException.class).hasMessageContaining("long side 1000 must be a multiple of 32");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSides().build())
                .isInstanceOf(LprException.class).hasMessageContaining("give one to four");
        String old = System.getProperty("lpr.onnx.longSide");
        System.setProperty("lpr.onnx.longSide", "960,big");
        try {
            assertThatThrownBy(OnnxPlateDetector::builder).isInstanceOf(LprException.class).hasMessageContaining("960,big");
        } finally {
            if (old == null) {
                System.clearProperty("lpr.onnx.longSide");
            } else {
                System.setProperty("lpr.onnx.longSide", old);
            }
        }
    }
}
