package org.lpr.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lpr.core.InvalidJurisdictionException;

class JurisdictionTest {

    @ParameterizedTest
    @CsvSource({"MO,MO", "mo,MO", "Missouri,MO", "MISSOURI,MO", "US-MO,MO", "us-mo,MO", "new york,NY", "New  York,NY",
            "US-NY,NY", "District of Columbia,DC", "Washington DC,DC", "D.C.,DC", "CA-ON,ON", "Ontario,ON", "Québec,QC",
            "PR,PR", "Puerto Rico,PR", "Guam,GU", "CA,CA", "California,CA", "US-CA,CA", "Alberta,AB"})
    void parse_codesNamesAndIsoCodes(String text, Jurisdiction expected) {
        assertThat(Jurisdiction.parse(text)).isEqualTo(expected);
    }

    @Test
    void everyJurisdiction_roundTripsThroughItsCodeNameAndIsoCode() {
        for (Jurisdiction j : Jurisdiction.values()) {
            if (j == Jurisdiction.UNKNOWN) {
                continue;
            }
            assertThat(Jurisdiction.parse(j.code())).isEqualTo(j);
            assertThat(Jurisdiction.parse(j.displayName())).isEqualTo(j);
            assertThat(Jurisdiction.parse(j.isoCode().orElseThrow())).isEqualTo(j);
        }
        assertThat(Jurisdiction.UNKNOWN.isoCode()).isEmpty();
        assertThat(Jurisdiction.values()).hasSize(50 + 1 + 5 + 13 + 1);
    }

    @Test
    void parse_unknownName_namesTheInput() {
        assertThatThrownBy(() -> Jurisdiction.parse("Atlantis")).isInstanceOf(InvalidJurisdictionException.class)
                .hasMessageContaining("'Atlantis'");
        assertThatThrownBy(() -> Jurisdiction.parse("US-ZZ")).isInstanceOf(InvalidJurisdictionException.class);
    }

    @Test
    void parse_hostileInput_getsClearErrors() {
        assertThatThrownBy(() -> Jurisdiction.parse("")).isInstanceOf(InvalidJurisdictionException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Jurisdiction.parse("   ")).isInstanceOf(InvalidJurisdictionException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Jurisdiction.parse(null)).isInstanceOf(InvalidJurisdictionException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> Jurisdiction.parse("M".repeat(41))).isInstanceOf(InvalidJurisdictionException.class)
                .hasMessageContaining("41 characters");
        assertThatThrownBy(() -> Jurisdiction.parse("M\u0000O")).isInstanceOf(InvalidJurisdictionException.class)
                .hasMessageContaining("control character at index 1");
        assertThatThrownBy(() -> Jurisdiction.parse("\u041c\u041e")).isInstanceOf(InvalidJurisdictionException.class);
    }

    @Test
    void tryParse_returnsEmptyInsteadOfThrowing() {
        assertThat(Jurisdiction.tryParse("Texas")).contains(Jurisdiction.TX);
        assertThat(Jurisdiction.tryParse("Texass")).isEmpty();
    }
}
