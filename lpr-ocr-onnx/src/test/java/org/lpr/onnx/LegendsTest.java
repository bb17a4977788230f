package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;

class LegendsTest {
    private final Legends legends = Legends.standard();

    @Test
    void match_misreadSlogan_findsItsState() {
        assertThat(legends.match("Sunshlne State").map(Legends.Match::state)).contains(Jurisdiction.FL);
        assertThat(legends.match("LAND OF LINC0LN").map(Legends.Match::state)).contains(Jurisdiction.IL);
    }

    @Test
    void match_lookAlikeGlyphs_costHalfAnEdit() {
        // three zeros for O: 1.5 edits of 8 (similarity 0.81) as look-alikes, 3 (0.63) as other glyphs would be
        assertThat(legends.match("C0L0RAD0").map(Legends.Match::state)).contains(Jurisdiction.CO);
        assertThat(legends.match("CXLXRADX")).isEmpty();
        assertThat(Legends.substitution('O', '0')).isEqualTo(0.5);
        assertThat(Legends.substitution('L', '1')).isEqualTo(0.5);
        assertThat(Legends.substitution('O', 'X')).isEqualTo(1.0);
        assertThat(Legends.substitution('B', 'B')).isZero();
    }

    @Test
    void match_longerNameWins_overANameInsideIt() {
        assertThat(legends.match("WEST VIRGINIA").map(Legends.Match::state)).contains(Jurisdiction.WV);
        assertThat(legends.match("Virginia").map(Legends.Match::state)).contains(Jurisdiction.VA);
    }

    @Test
    void match_unrelatedText_findsNothing() {
        assertThat(legends.match("ABC1234")).isEmpty();
        assertThat(legends.match("DEALER")).isEmpty();
    }
}
