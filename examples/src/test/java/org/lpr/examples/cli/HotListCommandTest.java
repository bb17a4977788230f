package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotListCommandTest {
    @TempDir
    Path dir;

    private final CliCapture cli = new CliCapture();

    @Test
    void import_printsTheReportAsJson_withExactlyTheContractKeys() throws IOException {
        Path file = dir.resolve("ncic.csv");
        Files.writeString(file, "LIC,LIS,NIC,DOT,MKE,NOTES\n"
                + "ABC1234,MO,V1,20240101,EV,ok\n"
                + "AB#12,MO,V2,20240101,EV,bad plate\n"
                + "XYZ987,ZZ,V3,20240101,EL,bad state\n"
                + "\"QRS 55\",KS,V4,2024-02-30,EV,bad date\n"
                + "LMN321,IL,V5,,EW,\"quoted, with comma\"\n");

        int status = cli.run("hotlist", "import", "--layout", "csv-header", file.toString());

        assertThat(status).isZero();
        assertThat(cli.out.toString()).startsWith("{\"accepted\":2,\"rejected\":3,\"errors\":[{\"line\":3,\"reason\":\"")
                .contains("{\"line\":4,\"reason\":\"invalid LIS: jurisdiction 'ZZ'")
                .contains("{\"line\":5,\"reason\":\"invalid DOT '2024-02-30'")
                .endsWith("}]}" + System.lineSeparator());
    }

    @Test
    void import_unknownLayout_isAUsageError_listingTheReadyLayouts() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "LIC\nA1\n");

        assertThat(cli.run("hotlist", "import", "--layout", "xml", file.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("'xml'").contains("csv-header");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void import_fileWithoutLicColumn_orMissingFile_fails() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "PLATE,STATE\nA1,MO\n");

        assertThat(cli.run("hotlist", "import", "--layout", "csv-header", file.toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("no column is LIC");
        assertThat(cli.run("hotlist", "import", "--layout", "csv-header", dir.resolve("missing.csv").toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("missing.csv");
    }

    @Test
    void import_fixedWidthLayoutGivenOnTheCommandLine() throws IOException {
        Path file = dir.resolve("fixed.txt");
        Files.writeString(file, "ABC123  MOEV \n#BAD    MOEV \n");

        assertThat(cli.run("hotlist", "import", "--layout", "fixed:LIC=1-8,LIS=9-10,MKE=11-13", file.toString())).isZero();
        assertThat(cli.out.toString()).startsWith("{\"accepted\":1,\"rejected\":1,\"errors\":[{\"line\":2,");
    }
}
