package org.lpr.core.hotlist.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.ParsedHotList;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;

class CsvHotListSourceTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("hot.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void read_plainCsv_returnsEveryEntry() throws IOException {
        Path f = write("""
                PLATE,STATE,LIST_TYPE,REASON
                # NCIC extract 2025-06-01
                ABC1234,MO,STOLEN_VEHICLE,stolen 2025-05-30
                7XK*4,,amber alert,"AMBER: silver sedan, partial plate"
                XYZ 987,Kansas,stolen-plate,plate stolen, reported by owner
                """);
        ParsedHotList parsed = new CsvHotListSource(f).read();
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.list().name()).isEqualTo("hot.csv");
        assertThat(parsed.list().entries()).hasSize(3);
        HotListEntry amber = parsed.list().entries().get(1);
        assertThat(amber.plate().text()).isEqualTo("7XK*4");
        assertThat(amber.jurisdiction()).isEqualTo(Jurisdiction.UNKNOWN);
        assertThat(amber.listType()).isEqualTo(ListType.AMBER_ALERT);
        assertThat(amber.reason()).isEqualTo("AMBER: silver sedan, partial plate");
        assertThat(amber.id()).isEqualTo("line-4");
        HotListEntry plate = parsed.list().entries().get(2);
        assertThat(plate.plate().text()).isEqualTo("XYZ987");
        assertThat(plate.jurisdiction()).isEqualTo(Jurisdiction.KS);
        assertThat(plate.reason()).isEqualTo("plate stolen, reported by owner");
    }

    @Test
    void read_badLines_namesEachLineAndKeepsTheRest() throws IOException {
        Path f = write("""
                ABC1234,MO,STOLEN_VEHICLE,stolen
                AB#123,MO,STOLEN_VEHICLE,stolen
                DEF5678,ZZ,STOLEN_VEHICLE,stolen
                GHI9012,MO,PARKING,unpaid
                JKL3456,MO,STOLEN_VEHICLE
                MNO7890,MO,CUSTOM,
                PQR1234,IL,WANTED_PERSON,warrant
                """);
        ParsedHotList parsed = new CsvHotListSource(f).read();
        assertThat(parsed.list().entries()).extracting(e -> e.plate().text()).containsExactly("ABC1234", "PQR1234");
        assertThat(parsed.problems()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).startsWith("hot.csv line 2: ").contains("'#'").contains("index 2"),
                m -> assertThat(m).startsWith("hot.csv line 3: ").contains("'ZZ'"),
                m -> assertThat(m).startsWith("hot.csv line 4: ").contains("'PARKING'"),
                m -> assertThat(m).startsWith("hot.csv line 5: ").contains("4 fields"),
                m -> assertThat(m).startsWith("hot.csv line 6: ").contains("reason is empty"));
    }

    @Test
    void fetch_noGoodLine_throwsNamingTheFirstProblem() throws IOException {
        Path f = write("AB#123,MO,STOLEN_VEHICLE,stolen\n");
        assertThatThrownBy(() -> new CsvHotListSource(f).fetch())
                .isInstanceOf(HotListFormatException.class).hasMessageContaining("line 1");
    }

    @Test
    void fetch_missingFile_throwsNamingTheFile() {
        assertThatThrownBy(() -> new CsvHotListSource(dir.resolve("none.csv")).fetch())
                .isInstanceOf(LprException.class).hasMessageContaining("none.csv");
    }

    @Test
    void layouts_unknownName_listsTheAvailableOnes() {
        assertThat(HotListLayouts.named("plain")).isSameAs(HotListLayouts.plain());
        assertThat(HotListLayouts.available()).contains("plain");
        assertThatThrownBy(() -> HotListLayouts.named("csv-nope")).isInstanceOf(LprException.class)
                .hasMessageContaining("'csv-nope'").hasMessageContaining("plain");
    }

    @Test
    void read_thenMatch_findsTheFileEntries() throws IOException {
        Path f = write("ABC1234,MO,STOLEN_VEHICLE,stolen\n7XK*4,,CRIMINAL_INVESTIGATION,witness\n");
        HotLists lists = HotLists.builder().list(new CsvHotListSource(f).fetch()).build();
        assertThat(lists.match(Plate.of("7XK1234", Jurisdiction.MO))).extracting(h -> h.entry().id()).containsExactly("line-2");
    }
}
