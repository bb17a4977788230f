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
