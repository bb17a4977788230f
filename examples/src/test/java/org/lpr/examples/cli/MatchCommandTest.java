package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
    @TempDir
    Path dir;

    private final CliCapture cli = new CliCapture();

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : cli.out.toString().split("\n")) {
            if (!l.isBlank()) {
                nodes.add(new ObjectMapper().readTree(l));
            }
        }
        return nodes;
    }

    @Test
    void match_plainHotList_printsOneLinePerHitThenSummary() throws IOException {
        Path hot = Files.writeString(dir.resolve("hot.csv"), """
                PLATE,STATE,LIST_TYPE,REASON
                ABC1234,MO,STOLEN_VEHICLE,stolen
                7XK*4,,CRIMINAL_INVESTIGATION,witness partial
                BAD#1,MO,STOLEN_VEHICLE,stolen
                """);
        Path reads = Files.writeString(dir.resolve("reads.txt"), """
                ABC1234,MO
                A8C1234
                ABC1234,KS
                7XK904
                NOPE99,MO
                AB$1
                """);
        int code = cli.run("match", "--hotlist", hot.toString(), "--reads", reads.toString());
        assertThat(code).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).toString())
                .isEqualTo("{\"read\":\"ABC1234\",\"state\":\"MO\",\"entry\":\"ABC1234\",\"list\":\"STOLEN_VEHICLE\",\"match\":\"EXACT\",\"score\":1.0}");
        assertThat(lines.get(1).get("match").asText()).isEqualTo("CONFUSABLE");
        assertThat(lines.get(1).get("state").isNull()).isTrue();
        assertThat(lines.get(2).get("entry").asText()).isEqualTo("7XK*4");
        assertThat(lines.get(3).get("reads").asLong()).isEqualTo(5);
        assertThat(lines.get(3).get("hits").asLong()).isEqualTo(3);
        assertThat(lines.get(3).has("ms")).isTrue();
        assertThat(cli.err.toString()).contains("hot.csv line 4").contains("reads.txt line 6");
    }

    @Test
    void match_ncicCsvHeaderLayout_matchesItsEntries() throws IOException {
        Path hot = Files.writeString(dir.resolve("ncic.csv"), """
                NIC,LIC,LIS,MKE,VMA
                V123456789,ABC1234,MO,EV,FORD
                V123456790,BAD#1,MO,EV,FORD
                """);
        Path reads = Files.writeString(dir.resolve("reads.txt"), "ABC1234,MO\nXYZ9876,MO\n");
        int code = cli.run("match", "--hotlist", hot.toString(), "--layout", "csv-header", "--reads", reads.toString());
        assertThat(code).as(cli.err.toString()).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("entry").asText()).isEqualTo("ABC1234");
        assertThat(lines.get(0).get("match").asText()).isEqualTo("EXACT");
        assertThat(lines.get(1).get("reads").asLong()).isEqualTo(2);
        assertThat(cli.err.toString()).contains("ncic.csv line 3");
    }

    @Test
    void match_unknownLayout_failsNamingTheAvailableLayouts() throws IOException {
        Path hot = Files.writeString(dir.resolve("hot.csv"), "ABC1234,MO,STOLEN_VEHICLE,stolen\n");
        Path reads = Files.writeString(dir.resolve("reads.txt"), "ABC1234\n");
        int code = cli.run("match", "--hotlist", hot.toString(), "--layout", "csv-nope", "--reads", reads.toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("'csv-nope'").contains("plain").contains("csv-header");
    }
}
