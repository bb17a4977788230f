package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.ModelLoadException;
import org.lpr.core.read.Jurisdiction;

class SerialFormatsTest {
    @Test
    void parse_lettersDigitsEitherAndLiterals_fitAsWritten() {
        SerialFormats f = SerialFormats.parse(List.of("NY LLLDDDD", "MO LLDLDL", "DE AAD9"), "test");
        assertThat(f.matches("ABC1234", Jurisdiction.NY)).isTrue();
        assertThat(f.matches("AB01234", Jurisdiction.NY)).isFalse();
        assertThat(f.matches("ABC123", Jurisdiction.NY)).isFalse();
        assertThat(f.matches("AB1C2D", Jurisdiction.MO)).isTrue();
        assertThat(f.matches("A719", Jurisdiction.DE)).isTrue();
        assertThat(f.matches("A718", Jurisdiction.DE)).isFalse();
    }

    @Test
    void parse_characterClasses_takeOnlyTheCharactersTheyList() {
        SerialFormats f = SerialFormats.parse(List.of("WV [1-9]LLDDD [OND]LLDDD", "MD [A-HJ-NP-Z]D"), "test");
        assertThat(f.matches("1AB234", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("9AB234", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("0AB234", Jurisdiction.WV)).isFalse();
        assertThat(f.matches("OAB234", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("DAB234", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("QAB234", Jurisdiction.WV)).isFalse();
        assertThat(f.matches("H5", Jurisdiction.MD)).isTrue();
        assertThat(f.matches("I5", Jurisdiction.MD)).isFalse();
        assertThat(f.matches("O5", Jurisdiction.MD)).isFalse();
        // with the state unknown, every state's formats count
        assertThat(f.matches("0AB234", Jurisdiction.UNKNOWN)).isFalse();
        assertThat(f.matches("NAB234", Jurisdiction.UNKNOWN)).isTrue();
    }

    @Test
    void parse_malformedClasses_areNamedTogether_eachWithItsLine() {
        assertThatThrownBy(() -> SerialFormats.parse(List.of("WV [1-9LLDDD", "MD []D", "PA [9-1]D", "VA [a-z]D", "NY L]DD",
                "OH [A-]D", "TX [A-9]D", "CA DLLLDDD"), "formats.txt"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("invalid serial formats formats.txt")
                .hasMessageContaining("line 1 'WV [1-9LLDDD': format '[1-9LLDDD': '[' at 1 is not closed")
                .hasMessageContaining("line 2 'MD []D': format '[]D': empty class []")
                .hasMessageContaining("line 3 'PA [9-1]D': format '[9-1]D': class [9-1] takes letters A-Z, digits 0-9 and ranges of either, not '9-1'")
                .hasMessageContaining("line 4 'VA [a-z]D'")
                .hasMessageContaining("line 5 'NY L]DD': format 'L]DD': ']' at 2 closes no class")
                .hasMessageContaining("line 6 'OH [A-]D': format '[A-]D': class [A-] takes letters A-Z, digits 0-9 and ranges of either, not '-'")
                .hasMessageContaining("line 7 'TX [A-9]D'")
                .hasMessageNotContaining("line 8");
    }

    @Test
    void standard_westVirginiasMonthCode_takesOneToNineOrTheLetterO_notZero() {
        // the first character of a West Virginia plate is the month its registration expires: 1 to 9, O, N or D
        SerialFormats f = SerialFormats.standard();
        assertThat(f.matches("OAM145", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("1AM145", Jurisdiction.WV)).isTrue();
        assertThat(f.matches("0AM145", Jurisdiction.WV)).isFalse();
    }

    @Test
    void parse_formatInParentheses_countsForItsOwnStateOnly_notWhenTheStateIsUnknown() {
        SerialFormats f = SerialFormats.parse(List.of("WY DDDDD (DDDD)", "DE DDDDD"), "test");
        assertThat(f.matches("1321", Jurisdiction.WY)).isTrue();
        assertThat(f.matches("1321", Jurisdiction.DE)).isFalse();
        assertThat(f.matches("1321", Jurisdiction.UNKNOWN)).isFalse();
        assertThat(f.matches("14321", Jurisdiction.UNKNOWN)).isTrue();
        assertThatThrownBy(() -> SerialFormats.parse(List.of("WY (DDDD", "DE D(D)D", "CA ()"), "formats.txt"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("line 1 'WY (DDDD': format '(DDDD': '(' at 1: parentheses enclose a whole format, as in (DDDD)")
                .hasMessageContaining("line 2 'DE D(D)D': format 'D(D)D': '(' at 2")
                .hasMessageContaining("line 3 'CA ()': format '()'");
    }

    @Test
    void standard_wyomingThreeNumbers_fitAfterACountyOfOneDigitOrTwo_onWyomingPlatesOnly() {
        // county number (1 to 23), then three numbers (a stacked two-letter code beside them left out) or three and a letter
        SerialFormats f = SerialFormats.standard();
        assertThat(f.matches("1321", Jurisdiction.WY)).isTrue();
        assertThat(f.matches("22321", Jurisdiction.WY)).isTrue();
        assertThat(f.matches("4339C", Jurisdiction.WY)).isTrue();
        assertThat(f.matches("22339C", Jurisdiction.WY)).isTrue();
        assertThat(f.matches("132", Jurisdiction.WY)).isFalse();
        assertThat(f.matches("4339CD", Jurisdiction.WY)).isFalse();
        // with the state unknown a four-digit reading (a five-digit plate with one lost) fits no format
        assertThat(f.matches("1321", Jurisdiction.UNKNOWN)).isFalse();
    }
}
