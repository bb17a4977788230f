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
}
