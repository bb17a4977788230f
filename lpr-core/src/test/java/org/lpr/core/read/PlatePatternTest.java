package org.lpr.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lpr.core.InvalidPlateException;

class PlatePatternTest {

    @Test
    void matches_starAndQuestionMark() {
        PlatePattern p = PlatePattern.of("7xk*4");
        assertThat(p.isPartial()).isTrue();
        assertThat(p.matches("7XK4")).isTrue();
        assertThat(p.matches("7XK94")).isTrue();
        assertThat(p.matches("7XK1234")).isTrue();
        assertThat(p.matches("7XK123")).isFalse();
        PlatePattern q = PlatePattern.of("AB?12");
        assertThat(q.matches("ABC12")).isTrue();
        assertThat(q.matches("AB12")).isFalse();
        assertThat(q.matches("ABCD12")).isFalse();
    }

    @Test
    void fullPlate_isNotPartialAndMatchesOnlyItself() {
        PlatePattern p = PlatePattern.of("ABC-123");
        assertThat(p.isPartial()).isFalse();
        assertThat(p.matches("ABC123")).isTrue();
        assertThat(p.matches("ABC1234")).isFalse();
    }

    @Test
    void of_hostileCharacters_areRejected() {
        assertThatThrownBy(() -> PlatePattern.of("AB%12")).isInstanceOf(InvalidPlateException.class)
                .hasMessageContaining("'%' outside [A-Z0-9*?] at index 2");
        assertThatThrownBy(() -> PlatePattern.of("A'; DROP TABLE reads;--")).isInstanceOf(InvalidPlateException.class);
        assertThatThrownBy(() -> PlatePattern.of("AB_1")).isInstanceOf(InvalidPlateException.class);
    }
}
