package org.lpr.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lpr.core.InvalidPlateException;

class PlateTest {

    @ParameterizedTest
    @CsvSource({"abc 123,ABC123", "ABC-1234,ABC1234", "7.xk.245,7XK245", " 1a2b3c ,1A2B3C", "Z,Z"})
    void normalize_separatorsAndCase_areRemovedAndUpperCased(String raw, String expected) {
        assertThat(Plate.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void normalize_otherCharacter_namesCharacterAndIndex() {
        assertThatThrownBy(() -> Plate.normalize("AB#12"))
                .isInstanceOf(InvalidPlateException.class)
                .hasMessage("plate 'AB#12' has a character '#' outside [A-Z0-9] at index 2");
    }

    @Test
    void normalize_empty_isRejected() {
        assertThatThrownBy(() -> Plate.normalize("")).isInstanceOf(InvalidPlateException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Plate.normalize(" - . ")).isInstanceOf(InvalidPlateException.class).hasMessageContaining("empty");
    }

    @Test
    void normalize_null_isRejectedWithMessage() {
        assertThatThrownBy(() -> Plate.normalize(null)).isInstanceOf(InvalidPlateException.class).hasMessageContaining("missing");
    }

    @Test
    void normalize_fortyCharacters_isRejectedAsTooLong() {
        assertThatThrownBy(() -> Plate.normalize("A".repeat(40)))
                .isInstanceOf(InvalidPlateException.class).hasMessageContaining("40 characters long");
    }

    @Test
    void normalize_elevenPlateCharacters_isRejected() {
        assertThatThrownBy(() -> Plate.normalize("ABCDE-123456"))
                .isInstanceOf(InvalidPlateException.class).hasMessageContaining("11 characters; expected at most 10");
    }

    @Test
    void normalize_controlCharacter_isNamedAsCodePoint() {
        assertThatThrownBy(() -> Plate.normalize("AB\u0000C"))
                .isInstanceOf(InvalidPlateException.class)
                .hasMessageContaining("U+0000").hasMessageContaining("index 2");
        assertThatThrownBy(() -> Plate.normalize("AB\tC")).isInstanceOf(InvalidPlateException.class).hasMessageContaining("U+0009");
    }

    @Test
    void normalize_nonLatinLetters_areRejected() {
        // Cyrillic А looks like Latin A: a classic evasion of exact matching
        assertThatThrownBy(() -> Plate.normalize("\u0410BC123"))
                .isInstanceOf(InvalidPlateException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> Plate.normalize("ÄBC123")).isInstanceOf(InvalidPlateException.class);
        assertThatThrownBy(() -> Plate.normalize("ＡＢＣ１２３")).isInstanceOf(InvalidPlateException.class);
        assertThatThrownBy(() -> Plate.normalize("车AB123")).isInstanceOf(InvalidPlateException.class);
    }

    @Test
    void constructor_unnormalizedText_isRejected() {
        assertThatThrownBy(() -> new Plate("abc 123", Jurisdiction.MO)).isInstanceOf(InvalidPlateException.class)
                .hasMessageContaining("not normalized");
    }

    @Test
    void of_keepsJurisdiction() {
        Plate p = Plate.of("abc-123", Jurisdiction.MO);
        assertThat(p.text()).isEqualTo("ABC123");
        assertThat(p.jurisdiction()).isEqualTo(Jurisdiction.MO);
        assertThat(p.hasKnownJurisdiction()).isTrue();
        assertThat(Plate.of("abc").hasKnownJurisdiction()).isFalse();
    }
}
