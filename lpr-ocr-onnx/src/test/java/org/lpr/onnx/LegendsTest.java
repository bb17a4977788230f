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
    void match_legendHoldingAnother_winsWhereItsExtraLettersWereRead() {
        // WEST VIRGINIA read with an F and two 1s: 2 edits of 12 (0.83) against VIRGINIA's 1 of 8 (0.88), yet WFST was read
        assertThat(legends.match("WFST V1RG1NIA").map(Legends.Match::state)).contains(Jurisdiction.WV);
        // the longer legend seen first (North Dakota's PEACE GARDEN STATE holds New Jersey's GARDEN STATE)
        assertThat(legends.match("PFACE GARDEN STATE").map(Legends.Match::state)).contains(Jurisdiction.ND);
        assertThat(legends.match("WASHINGTON DC").map(Legends.Match::state)).contains(Jurisdiction.DC);
        // WASHINGTON DC matches "WASHINGTON" at 0.83 too, but without its DC
        assertThat(legends.match("Washington").map(Legends.Match::state)).contains(Jurisdiction.WA);
    }

    @Test
    void match_unrelatedText_findsNothing() {
        assertThat(legends.match("ABC1234")).isEmpty();
        assertThat(legends.match("DEALER")).isEmpty();
    }
}
