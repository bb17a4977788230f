package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;

class FormatRescorerTest {
    private final FormatRescorer rescorer = new FormatRescorer(SerialFormats.parse(List.of("NY LLLDDDD", "CA DLLLDDD"), "test"));

    private static Decoded read(String text, double p) {
        double[] conf = new double[text.length()];
        java.util.Arrays.fill(conf, 0.95);
        return new Decoded(text, p, conf);
    }

    @Test
    void rescore_letterOInADigitPosition_becomesZero() {
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(read("ABC1O34", 0.95)), Jurisdiction.NY, 5);
        assertThat(s.get(0).text()).isEqualTo("ABC1034");
        assertThat(s.get(0).fitsFormat()).isTrue();
        assertThat(s).extracting(FormatRescorer.Scored::text).contains("ABC1O34");
    }

    @Test
    void rescore_westVirginiasMonthCode_aLeadingZeroBecomesTheLetterO() {
        // the month code takes 1 to 9 or the letters O, N, D: a leading round glyph on a West Virginia plate is October's O
        FormatRescorer wv = new FormatRescorer(SerialFormats.parse(List.of("WV [1-9]LLDDD LLLDDD"), "test"));
        List<FormatRescorer.Scored> s = wv.rescore(List.of(read("0EC617", 0.9)), Jurisdiction.WV, 5);
        assertThat(s.get(0).text()).isEqualTo("OEC617");
        assertThat(s.get(0).fitsFormat()).isTrue();
        FormatRescorer.Scored march = wv.rescore(List.of(read("3EC617", 0.9)), Jurisdiction.WV, 5).get(0);
        assertThat(march.text()).isEqualTo("3EC617");
        assertThat(march.fitsFormat()).isTrue();
    }

    @Test
    void rescore_vanityPlate_staysBestWhenNoSwapFitsEither() {
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(read("NTGUILTY", 0.9)), Jurisdiction.CA, 5);
        assertThat(s.get(0).text()).isEqualTo("NTGUILTY");
        assertThat(s.get(0).fitsFormat()).isFalse();
    }

    @Test
    void rescore_unknownState_usesEveryStatesFormats() {
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(read("7ABCI23", 0.9)), Jurisdiction.UNKNOWN, 5);
        assertThat(s.get(0).text()).isEqualTo("7ABC123");
    }

    @Test
    void rescore_uncertainExtraCharacterAtAnEnd_isDroppedWhenThatFitsAFormat() {
        double[] conf = {0.3, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95};
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(new Decoded("XABC1234", 0.9, conf)), Jurisdiction.NY, 5);
        assertThat(s.get(0).text()).isEqualTo("ABC1234");
    }

    @Test
    void rescore_confidentEndCharacter_isKept() {
        double[] conf = {0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99};
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(new Decoded("XABC1234", 0.9, conf)), Jurisdiction.NY, 5);
        assertThat(s.get(0).text()).isEqualTo("XABC1234");
    }

    @Test
    void rescore_confidencesAreBetweenZeroAndOne_bestFirst() {
        List<FormatRescorer.Scored> s = rescorer.rescore(List.of(read("ABC1234", 0.6), read("A8C1234", 0.3)), Jurisdiction.NY, 10);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.get(i).confidence()).isBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(s.get(i).confidence()).isLessThanOrEqualTo(s.get(i - 1).confidence());
            }
        }
    }

    @Test
    void rescore_stateThatIssuesNoLetterO_reportsZeroAndMergesTheReadings() {
        // as the shipped keying rules have it: Idaho issues no letter O; New York does
        FormatRescorer rescorer = new FormatRescorer(SerialFormats.parse(List.of("NY LLLDDDD", "CA DLLLDDD"), "test"), true, true,
                Keying.parse(List.of("ID O 0"), "test"));
        List<FormatRescorer.Scored> id = rescorer.rescore(List.of(read("BLOGGER", 0.6), read("BL0GGER", 0.3)), Jurisdiction.ID, 10);
        assertThat(id.get(0).text()).isEqualTo("BL0GGER");
        assertThat(id).extracting(FormatRescorer.Scored::text).noneMatch(t -> t.contains("O"));
        assertThat(id.get(0).charConfidences()).hasSize(7);
        List<FormatRescorer.Scored> ny = rescorer.rescore(List.of(read("BLOGGER", 0.6), read("BL0GGER", 0.3)), Jurisdiction.NY, 10);
        assertThat(ny.get(0).text()).isEqualTo("BLOGGER");
        List<FormatRescorer.Scored> unknown = rescorer.rescore(List.of(read("BLOGGER", 0.6)), Jurisdiction.UNKNOWN, 10);
        assertThat(unknown.get(0).text()).isEqualTo("BLOGGER");
    }

    @Test
    void rescore_homeState_prefersItsFormatsWhereNoStateIsTold() {
        // 7ABC123 fits California's DLLLDDD, TAB1234 only New York's LLLDDDD: with no home state both fit a format and
        // the reading's own probability decides
        List<Decoded> read = List.of(read("TAB1234", 0.5), read("7ABC123", 0.4));
        assertThat(rescorer.rescore(read, Jurisdiction.UNKNOWN, 5).get(0).text()).isEqualTo("TAB1234");
        FormatRescorer home = rescorer.withHome(Jurisdiction.CA);
        List<FormatRescorer.Scored> s = home.rescore(read, Jurisdiction.UNKNOWN, 5);
        assertThat(s.get(0).text()).isEqualTo("7ABC123");
        assertThat(s.get(0).fitsFormat()).isTrue();
        assertThat(s.get(1).text()).isEqualTo("TAB1234");
        // it fits no format of the home state, which rescores it (OpenALPR's --pattern reports the same)
        assertThat(s.get(1).fitsFormat()).isFalse();
        // scaled by the other-state factor, not dropped: 0.5 * 0.1 against 0.4
        assertThat(s.get(1).confidence() / s.get(0).confidence()).isCloseTo(0.05 / 0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rescore_homeState_givesWayToAToldState() {
        List<Decoded> read = List.of(read("TAB1234", 0.5), read("7ABC123", 0.4));
        FormatRescorer home = rescorer.withHome(Jurisdiction.CA);
        assertThat(home.rescore(read, Jurisdiction.NY, 5)).usingRecursiveComparison()
                .isEqualTo(rescorer.rescore(read, Jurisdiction.NY, 5));
    }

    @Test
    void rescore_homeState_leavesReadingsThatFitNoFormatAtTheNoFormatFactor() {
        List<Decoded> read = List.of(read("NTGUILTY", 0.5), read("7ABC123", 0.4));
        List<FormatRescorer.Scored> plain = rescorer.rescore(read, Jurisdiction.UNKNOWN, 5);
        List<FormatRescorer.Scored> home = rescorer.withHome(Jurisdiction.CA).rescore(read, Jurisdiction.UNKNOWN, 5);
        assertThat(home).usingRecursiveComparison().isEqualTo(plain);
    }

    @Test
    void withHome_stateWithoutFormats_isNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rescorer.withHome(Jurisdiction.TX))
                .isInstanceOf(org.lpr.core.LprException.class).hasMessageContaining("home state TX");
        assertThat(rescorer.withHome(Jurisdiction.UNKNOWN).rescore(List.of(read("7ABCI23", 0.9)), Jurisdiction.UNKNOWN, 5).get(0).text())
                .isEqualTo("7ABC123");
    }
}
