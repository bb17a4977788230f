package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRegion;

/** The second pass an {@link OnnxPlateDetector} carries: when it has one, its size, its shared session and who closes it. */
class OnnxPlateDetectorSecondPassTest {

    private static int[] secondSides(OnnxPlateDetector.Builder b) {
        try (OnnxPlateDetector d = b.build()) {
            return d.secondPass().map(p -> ((OnnxPlateDetector) p).longSides()).orElse(null);
        }
    }

    @Test
    void secondPass_at1280_forTheTextDetectorAtOneSmallerSize_otherwiseNone() {
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(960))).containsExactly(OnnxPlateDetector.SECOND_PASS_SIDE);
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(640))).containsExactly(1280);
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(1280))).isNull();
        assertThat(secondSides(OnnxPlateDetector.builder().longSides(960, 1280))).isNull();
        assertThat(secondSides(OnnxPlateDetector.builder().model(PlateDetModel.standard()))).isNull();
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(960).noSecondPass())).isNull();
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(960).secondPass(1600))).containsExactly(1600);
        assertThat(secondSides(OnnxPlateDetector.builder().longSide(1280).secondPass(1600))).containsExactly(1600);
    }

    @Test
    void secondPass_hasNoSecondPassOfItsOwn_andSharesTheFirstsSession() {
        try (OnnxPlateDetector first = OnnxPlateDetector.builder().longSide(960).build();
                OnnxPlateDetector other = OnnxPlateDetector.builder().longSide(1280).build()) {
            OnnxPlateDetector second = (OnnxPlateDetector) first.secondPass().orElseThrow();
            assertThat(second.secondPass()).isEmpty();
            assertThat(second.sharesSessionWith(first)).isTrue();
            assertThat(first.sharesSessionWith(other)).isFalse();
        }
    }

    @Test
    void build_badSecondPass_isNamed() {
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSide(960).secondPass(960).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("second pass long side 960 must be a multiple of 32 above the detector's 960 and at most 4096");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSide(960).secondPass(1300).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("second pass long side 1300 must be a multiple of 32");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSide(960).secondPass(0).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("second pass long side 0 must be a multiple of 32 above the detector's 960");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSide(960).secondPass(-1280).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("second pass long side -1280 must be");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSide(960).secondPass(4128).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("second pass long side 4128 must be a multiple of 32 above the detector's 960 and at most 4096");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().longSides(640, 960).secondPass(1280).build()).isInstanceOf(LprException.class)
                .hasMessageContaining("a second pass (long side 1280) needs one detector size, not [640, 960] (longSides, or -Dlpr.onnx.longSide)");
        assertThatThrownBy(() -> OnnxPlateDetector.builder().model(PlateDetModel.standard()).secondPass(1280).build())
                .isInstanceOf(LprException.class)
                .hasMessageContaining("a second pass (long side 1280) needs PaddleOCR's text detector, not plate model plate-det");
    }

    @Test
    void secondPass_findsWhatTheTextDetectorFindsAt1280_andClosingItAloneKeepsTheFirstsSession() {
        ContractScene scene = TestPlates.scene("KT4829");
        try (OnnxPlateDetector first = OnnxPlateDetector.builder().longSide(960).threads(2).build();
                OnnxPlateDetector at1280 = OnnxPlateDetector.builder().longSide(1280).threads(2).build()) {
            PlateDetector second = first.secondPass().orElseThrow();
            assertThat(first.sessionLoaded()).isFalse();
            List<Polygon> found = second.detect(scene.image()).stream().map(PlateRegion::polygon).toList();
            // the second pass loaded the first's session: they share it
            assertThat(first.sessionLoaded()).isTrue();
            assertThat(found).isNotEmpty().isEqualTo(at1280.detect(scene.image()).stream().map(PlateRegion::polygon).toList())
                    // the two sizes outline the plate differently, so the comparison tells which size ran
                    .isNotEqualTo(first.detect(scene.image()).stream().map(PlateRegion::polygon).toList());
            second.close();
            assertThat(first.sessionLoaded()).isTrue();
            first.close();
            assertThat(first.sessionLoaded()).isFalse();
        }
    }
}
