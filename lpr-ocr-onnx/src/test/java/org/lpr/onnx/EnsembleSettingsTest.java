package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.testing.SystemProperties;

/** The ensemble's settings are checked when it is built, every problem named at once. */
class EnsembleSettingsTest {
    /** Building with {@code settings} applied to a fresh builder is refused with an {@link LprException} naming each of {@code problems}. */
    private static void refused(UnaryOperator<EnsemblePlateRecognizer.Builder> settings, String... problems) {
        assertThatThrownBy(() -> settings.apply(EnsemblePlateRecognizer.builder()).build())
                .isInstanceOf(LprException.class).hasMessageContainingAll(problems);
    }

    /** plate-lite's descriptor named {@code name}, decoding fixed slots instead of CTC (a model no ensemble reader may take). */
    private static OcrModel plateLiteAsSlots(String name) {
        OcrModel m = OcrModel.loadResource("/org/lpr/onnx/models/plate-lite.properties");
        return new OcrModel(name, m.source(), m.inputHeight(), m.inputWidth(), m.maxInputWidth(), m.layout(), m.pixelType(),
                m.colour(), m.mean(), m.std(), m.alphabet(), OcrModel.Decoding.FIXED_SLOTS, 0, '0', m.rescoring());
    }

    @Test
    void build_compactWeightOutOfRangeOrTooMuchWeight_namesEachProblem() {
        refused(b -> b.compactWeight(1.2), "compact weight 1.2 is outside 0..1");
        refused(b -> b.compactWeight(Double.NaN), "compact weight NaN");
        refused(b -> b.lineWeight(0.9).compactWeight(0.15).threads(0),
                "line weight 0.9 and compact weight 0.15 add up to more than 1", "threads 0");
    }

    @Test
    void build_secondLineShareOutsideZeroToOne_isNamed() {
        refused(b -> b.secondLineShare(1.5), "second line share 1.5 is outside 0..1");
        refused(b -> b.secondLineShare(-0.1), "second line share -0.1 is outside 0..1");
        refused(b -> b.secondLineShare(Double.NaN), "second line share NaN is outside");
        // a share of any line weight is valid, a line weight of 0 too
        EnsemblePlateRecognizer.builder().lineWeight(0).build().close();
    }

    @Test
    void build_secondLineModelThatIsNotCtc_isRefused() {
        OcrModel fixed = plateLiteAsSlots("slots");
        refused(b -> b.secondLineModel(fixed), "second line model 'slots' must be a CTC model");
    }

    @Test
    void secondLineProperty_falseTurnsItOff_anythingElseIsNamed() throws Exception {
        String p = "lpr.onnx.secondLine";
        SystemProperties.with(p, null, () -> {
            try (EnsemblePlateRecognizer r = EnsemblePlateRecognizer.builder().build()) {
                assertThat(r.secondLineWeight()).isEqualTo(0.25);
            }
            try (EnsemblePlateRecognizer r = EnsemblePlateRecognizer.builder().lineWeight(0.4).secondLineShare(0.25).build()) {
                assertThat(r.secondLineWeight()).isCloseTo(0.1, within(1e-12));
            }
        });
        SystemProperties.with(p, " false ", () -> {
            try (EnsemblePlateRecognizer r = EnsemblePlateRecognizer.builder().build()) {
                assertThat(r.secondLineWeight()).isZero();
            }
        });
        SystemProperties.with(p, "off", () -> assertThatThrownBy(EnsemblePlateRecognizer::builder).isInstanceOf(LprException.class)
                .hasMessageContaining("-Dlpr.onnx.secondLine=off must be true or false"));
    }

    @Test
    void build_lookAlikeMergeOutOfRange_isNamed() {
        refused(b -> b.lookAlikeMerge(1.5), "look-alike merge 1.5 is outside 0..1");
        refused(b -> b.lookAlikeMerge(Double.NaN), "look-alike merge NaN");
        refused(b -> b.lookAlikeMerge(-0.1), "look-alike merge -0.1 is outside 0..1");
        // mergeLookAlikes(true) keeps a share already set, so an invalid one is still refused, and off clears it
        refused(b -> b.lookAlikeMerge(1.5).mergeLookAlikes(true), "look-alike merge 1.5");
        EnsemblePlateRecognizer.builder().lookAlikeMerge(1.5).mergeLookAlikes(false).build().close();
    }

    @Test
    void build_wyomingCountyNumbers_onByDefault_offGivesNoCountyPrior() {
        try (EnsemblePlateRecognizer on = EnsemblePlateRecognizer.builder().build();
                EnsemblePlateRecognizer off = EnsemblePlateRecognizer.builder().wyomingCountyNumbers(false).build()) {
            assertThat(on.countyPrior()).isEqualTo(EnsemblePlateRecognizer.COUNTY_PRIOR).isPositive();
            assertThat(off.countyPrior()).isZero();
        }
    }

    @Test
    void build_compactModelThatIsNotCtc_isRefused() {
        OcrModel slots = plateLiteAsSlots("plate-lite");
        assertThatThrownBy(() -> EnsemblePlateRecognizer.builder().compactModel(slots).build())
                .isInstanceOf(LprException.class).hasMessageContaining("compact model 'plate-lite' must be a CTC model");
    }

    @Test
    void build_defaultsAndNoCompactReader_areValid() {
        try (EnsemblePlateRecognizer three = EnsemblePlateRecognizer.builder().build();
                EnsemblePlateRecognizer two = EnsemblePlateRecognizer.builder().compactWeight(0).lineWeight(1).build()) {
            assertThat(three.name()).isEqualTo("ensemble");
            assertThat(two.name()).isEqualTo("ensemble");
        }
    }

    @Test
    void build_homeStateWithoutSerialFormats_isNamed_bothRecognizers() {
        refused(b -> b.homeState(Jurisdiction.MB), "home state MB has no serial formats");
        assertThatThrownBy(() -> OnnxPlateRecognizer.builder().homeState(Jurisdiction.MB).build())
                .isInstanceOf(LprException.class).hasMessageContaining("home state MB has no serial formats");
        try (EnsemblePlateRecognizer ca = EnsemblePlateRecognizer.builder().homeState(Jurisdiction.CA).build();
                OnnxPlateRecognizer none = OnnxPlateRecognizer.builder().homeState(Jurisdiction.UNKNOWN).build()) {
            assertThat(ca.name()).isEqualTo("ensemble");
            assertThat(none.name()).isEqualTo("ppocr");
        }
    }

    @Test
    void homeStateProperty_badCode_isNamed() throws Exception {
        SystemProperties.with("lpr.onnx.homeState", "Narnia", () -> assertThatThrownBy(EnsemblePlateRecognizer::builder)
                .isInstanceOf(LprException.class).hasMessageContaining("-Dlpr.onnx.homeState=Narnia is not a state or province code"));
    }
}
