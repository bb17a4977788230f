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
        assertThat(Keying.STANDARD.key("IDAHOHI", Jurisdiction.ID)).isEqualTo("IDAH0HI");
        assertThat(Keying.STANDARD.key("OO7", Jurisdiction.AL)).isEqualTo("007");
        assertThat(Keying.STANDARD.key("GOTOFL", Jurisdiction.FL)).isEqualTo("G0T0FL");
        assertThat(Keying.STANDARD.key("IDAHOHI", Jurisdiction.OR)).isEqualTo("IDAHOHI");
        assertThat(Keying.STANDARD.key("IDAHOHI", Jurisdiction.UNKNOWN)).isEqualTo("IDAHOHI");
        assertThat(Keying.STANDARD.applies(Jurisdiction.TX)).isFalse();
    }

    @Test
    void parse_severalRulesForOneState_keysEach() {
        Keying k = Keying.parse(List.of("# comment", "", "WA O 0", "WA I 1"), "test");
        assertThat(k.key("OIL", Jurisdiction.WA)).isEqualTo("01L");
    }

    @Test
    void parse_badLines_areNamedTogether() {
        assertThatThrownBy(() -> Keying.parse(List.of("XX O 0", "ID O", "FL o 0", "AL O O", "ID O 0"), "rules.txt"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("rules.txt")
                .hasMessageContaining("line 1 'XX O 0'")
                .hasMessageContaining("line 2 'ID O'")
                .hasMessageContaining("line 3 'FL o 0'")
                .hasMessageContaining("line 4 'AL O O'")
                .hasMessageNotContaining("line 5");
    }
}
