package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.ModelLoadException;
import org.lpr.core.read.Jurisdiction;

class KeyingTest {
    @Test
    void standard_keysTheLetterOAsZeroForAlabamaFloridaAndIdahoOnly() {
        Keying k = Keying.standard();
        assertThat(k.key("IDAHOHI", Jurisdiction.ID)).isEqualTo("IDAH0HI");
        assertThat(k.key("OO7", Jurisdiction.AL)).isEqualTo("007");
        assertThat(k.key("GOTOFL", Jurisdiction.FL)).isEqualTo("G0T0FL");
        assertThat(k.key("IDAHOHI", Jurisdiction.OR)).isEqualTo("IDAHOHI");
        assertThat(k.key("IDAHOHI", Jurisdiction.UNKNOWN)).isEqualTo("IDAHOHI");
        assertThat(k.applies(Jurisdiction.TX)).isFalse();
    }

    @Test
    void parse_severalRulesForOneState_keysEach() {
        Keying k = Keying.parse(List.of("# comment", "", "WA O 0", "WA I 1"), "test");
        assertThat(k.key("OIL", Jurisdiction.WA)).isEqualTo("01L");
    }

    @Test
    void parse_badLines_areNamedTogether_eachWithWhatIsWrong() {
        assertThatThrownBy(() -> Keying.parse(List.of("XX O 0", "ID O", "FL o 0", "AL O O", "ID O 0", "ID O 1", "ID 0 Q", "ID Q O"),
                "rules.txt"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("invalid keying rules rules.txt")
                .hasMessageContaining("line 1 'XX O 0': 'XX' is no known jurisdiction")
                .hasMessageContaining("line 2 'ID O': expected a jurisdiction code")
                .hasMessageContaining("line 3 'FL o 0': 'o' is not a plate character")
                .hasMessageContaining("line 4 'AL O O': 'O' keyed as itself")
                .hasMessageNotContaining("line 5")
                .hasMessageContaining("line 6 'ID O 1': 'O' has a rule for ID already")
                .hasMessageContaining("line 7 'ID 0 Q': '0' is what another ID rule keys: rules do not chain")
                .hasMessageContaining("line 8 'ID Q O': 'O' is not issued by another ID rule: rules do not chain");
    }
}
