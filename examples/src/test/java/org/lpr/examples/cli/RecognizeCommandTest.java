package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.read.Jurisdiction;
import org.lpr.examples.SampleScenes;

class RecognizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> lines) {
    }

    private static Run run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = LprCli.commandLine().execute(args);
        } finally {
            System.setOut(old);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(code, lines);
    }

    /** A PNG whose header claims {@code w x h} pixels (no pixel data follows). */
    private static byte[] pngHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    @Test
    void recognize_badFilesAmongGoodOnes_reportsEachAndReadsTheRest(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        Path good = dir.resolve("car-il-NOX226.jpg");
        byte[] jpeg = Files.readAllBytes(good);
        Files.write(dir.resolve("a-empty.jpg"), new byte[0]);
        Files.write(dir.resolve("b-truncated.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.writeString(dir.resolve("c-text.png"), "this is not an image\n");
        Files.write(dir.resolve("d-huge.png"), pngHeader(20000, 20000));
        Path hotlist = dir.resolve("hot.csv");
        Files.writeString(hotlist, "PLATE,STATE,LIST_TYPE,REASON\nNOX226,IL,STOLEN_VEHICLE,stolen\n");

        Run run = run("recognize", "--hotlist", hotlist.toString(), dir.resolve("a-empty.jpg").toString(),
                dir.resolve("b-truncated.jpg").toString(), dir.resolve("c-text.png").toString(), dir.resolve("d-huge.png").toString(),
                good.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> errors = run.lines().stream().filter(l -> l.has("error")).toList();
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("file").asText()).endsWith("a-empty.jpg");
        assertThat(errors.get(0).get("error").asText()).contains("empty");
        assertThat(errors.get(1).get("error").asText()).contains("b-truncated.jpg");
        assertThat(errors.get(2).get("error").asText()).contains("not a recognised image format");
        assertThat(errors.get(3).get("error").asText()).contains("20000x20000");
        List<JsonNode> reads = run.lines().stream().filter(l -> l.has("plate")).toList();
        assertThat(reads).extracting(r -> r.get("plate").asText()).contains("NOX226");
        JsonNode read = reads.stream().filter(r -> r.get("plate").asText().equals("NOX226")).findFirst().orElseThrow();
        assertThat(read.get("file").asText()).endsWith("car-il-NOX226.jpg");
        assertThat(read.get("hits")).hasSize(1);
        assertThat(read.get("hits").get(0).get("state").asText()).isEqualTo("IL");
        assertThat(read.get("polygon")).hasSize(4);
        assertThat(read.get("timings").has("detect_ms")).isTrue();
    }

    @Test
    void recognize_twoJobs_printTheSameLinesInTheSameOrder_badFilesIncluded(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        Files.write(dir.resolve("b-empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("d-text.png"), "this is not an image\n");

        Run one = run("recognize", "--jobs", "1", dir.toString());
        Run two = run("recognize", "--jobs", "2", "--threads", "1", dir.toString());

        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(two.exitCode()).isEqualTo(1);
        // every sample photo read, the two bad files named, in the folder's order
        assertThat(one.lines().stream().filter(l -> l.has("error")).map(l -> l.get("file").asText()).toList())
                .satisfiesExactly(f -> assertThat(f).endsWith("b-empty.jpg"), f -> assertThat(f).endsWith("d-text.png"));
        assertThat(one.lines().stream().filter(l -> l.has("plate")).count()).isGreaterThanOrEqualTo(4);
        assertThat(withoutTimings(two.lines())).isEqualTo(withoutTimings(one.lines()));
        assertThat(run("recognize", "--jobs", "0", dir.toString()).exitCode()).isEqualTo(2);
    }

    private static List<JsonNode> withoutTimings(List<JsonNode> lines) {
        return lines.stream().map(l -> {
            JsonNode c = l.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("timings");
            return c;
        }).toList();
    }

    @Test
    void state_isTheTwoLetterCodeOrUnknown() {
        assertThat(RecognizeCommand.state(Jurisdiction.MO)).isEqualTo("MO");
        assertThat(RecognizeCommand.state(Jurisdiction.UNKNOWN)).isEqualTo("unknown");
    }

    @Test
    void openAlprRegion_isCountryAndStateOrEmpty() {
        assertThat(OpenAlprJson.region(Jurisdiction.IL)).isEqualTo("us-il");
        assertThat(OpenAlprJson.region(Jurisdiction.ON)).isEqualTo("ca-on");
        // California's code is Canada's country code: the prefix is the country, not the code
        assertThat(OpenAlprJson.region(Jurisdiction.CA)).isEqualTo("us-ca");
        assertThat(OpenAlprJson.region(Jurisdiction.UNKNOWN)).isEmpty();
    }

    @Test
    void recognize_openAlprFormat_printsAlprResultsPerImage(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        Run run = run("recognize", "--format", "openalpr", dir.resolve("car-tx-HRT5082.jpg").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode o = run.lines().get(0);
        assertThat(o.get("data_type").asText()).isEqualTo("alpr_results");
        assertThat(o.get("img_width").asInt()).isEqualTo(1280);
        for (String key : List.of("epoch_time", "img_height", "processing_time_ms", "results")) {
            assertThat(o.has(key)).as(key).isTrue();
        }
        JsonNode r = o.get("results").get(0);
        assertThat(r.get("plate").asText()).isEqualTo("HRT5082");
        assertThat(r.get("confidence").asDouble()).isBetween(0.0, 100.0);
        for (String key : List.of("matches_template", "region", "region_confidence", "coordinates", "candidates")) {
            assertThat(r.has(key)).as(key).isTrue();
        }
    }

    @Test
    void recognize_unknownRecognizer_namesTheOnesThereAre(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        assertThat(errorOf("recognize", "--recognizer", "nope", dir.toString())).contains("nope").contains("ppocr");
    }

    @Test
    void recognize_plateDetDetector_readsTheSamplePlates(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        Run run = run("recognize", "--detector", "plate-det", "--threads", "2", dir.resolve("car-il-NOX226.jpg").toString(),
                dir.resolve("car-tx-HRT5082.jpg").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(r -> r.get("plate").asText()).contains("NOX226", "HRT5082");
        assertThat(run.lines()).allSatisfy(r -> assertThat(r.get("polygon")).hasSize(4));
    }

    @Test
    void recognize_badDetectorOptions_sayWhatIsAccepted(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        assertThat(errorOf("recognize", "--detector", "nope", dir.toString())).contains("'nope' is not one of ppocr, plate-det");
        assertThat(errorOf("recognize", "--detector-model", dir.resolve("x.onnx").toString(), dir.toString()))
                .contains("--detector-model needs --detector plate-det");
        assertThat(errorOf("recognize", "--detector", "plate-det", "--detector-model", dir.resolve("missing.onnx").toString(), dir.toString()))
                .contains("missing.onnx");
        assertThat(errorOf("recognize", "--detector", "plate-det", "--detector-sizes", "960,1280", dir.toString()))
                .contains("--detector-sizes needs --detector ppocr");
        assertThat(errorOf("recognize", "--detector-sizes", "960,1000", dir.toString())).contains("long side 1000 must be a multiple of 32");
        assertThat(errorOf("recognize", "--second-pass", "--detector-sizes", "960,1280", dir.toString()))
                .contains("--second-pass needs --backend onnx and --detector ppocr at one size below 1280");
        assertThat(errorOf("recognize", "--second-pass", "--detector", "plate-det", dir.toString())).contains("--second-pass needs");
        assertThat(errorOf("recognize", "--second-pass", "--backend", "opencv", dir.toString())).contains("--second-pass needs");
        assertThat(errorOf("eval-crops", "--second-pass", dir.toString())).contains("--[no-]second-pass applies to recognize and eval-scenes, not eval-crops");
    }

    @Test
    void recognize_secondPass_onOrOff_readsTheSamplePlateAlike(@TempDir Path dir) throws Exception {
        // the sample plate fits its state's format on the first pass, so the second never looks: the same reads either way
        SampleScenes.main(new String[] {dir.toString()});
        String photo = dir.resolve("car-il-NOX226.jpg").toString();
        Run on = run("recognize", "--second-pass", "--threads", "2", photo);
        Run off = run("recognize", "--no-second-pass", "--threads", "2", photo);
        assertThat(on.exitCode()).isZero();
        assertThat(off.exitCode()).isZero();
        assertThat(on.lines()).extracting(r -> r.get("plate").asText()).contains("NOX226")
                .containsExactlyElementsOf(off.lines().stream().map(r -> r.get("plate").asText()).toList());
    }

    @Test
    void recognize_twoDetectorSizes_readEachSamplePlateOnce(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        Run run = run("recognize", "--detector-sizes", "960,1280", "--threads", "2", dir.resolve("car-il-NOX226.jpg").toString(),
                dir.resolve("car-tx-HRT5082.jpg").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(r -> r.get("plate").asText()).containsOnlyOnce("NOX226", "HRT5082");
    }

    @Test
    void recognize_detectorOptionAgainstSystemProperty_isRefusedNotOverridden(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        String old = System.getProperty("lpr.onnx.detector");
        System.setProperty("lpr.onnx.detector", "plate-det");
        try {
            assertThat(errorOf("recognize", "--detector", "ppocr", dir.resolve("car-il-NOX226.jpg").toString()))
                    .contains("--detector ppocr contradicts -Dlpr.onnx.detector=plate-det");
            assertThat(errorOf("recognize", "--detector-sizes", "960,1280", dir.resolve("car-il-NOX226.jpg").toString()))
                    .contains("--detector-sizes contradicts -Dlpr.onnx.detector=plate-det");
        } finally {
            if (old == null) {
                System.clearProperty("lpr.onnx.detector");
            } else {
                System.setProperty("lpr.onnx.detector", old);
            }
        }
    }

    @Test
    void recognize_homeState_badCodeOrBackendIsNamed_aToldStateWins_andNothingIsLeftSet(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        String photo = dir.resolve("car-tx-HRT5082.jpg").toString();
        assertThat(errorOf("recognize", "--home-state", "ZZ", photo)).contains("'ZZ' is not a state or province code");
        assertThat(errorOf("recognize", "--home-state", "XX", photo)).contains("'XX' is not a state or province code");
        assertThat(errorOf("recognize", "--pattern", "unknown", photo)).contains("'unknown' is not a state or province code");
        assertThat(errorOf("recognize", "--home-state", "PR", photo)).contains("'PR'").contains("has no serial formats");
        assertThat(errorOf("recognize", "--backend", "opencv", "--pattern", "tx", photo)).contains("needs --backend onnx");
        String old = System.getProperty("lpr.onnx.homeState");
        Run run = run("recognize", "--pattern", "ca", "--threads", "2", photo);
        assertThat(run.exitCode()).isZero();
        // the state read from the legend is reported and rescores the reading; the home state only weighs plates whose
        // state is not read, and is never reported
        assertThat(run.lines()).anySatisfy(r -> {
            assertThat(r.get("plate").asText()).isEqualTo("HRT5082");
            assertThat(r.get("state").asText()).isEqualTo("TX");
        });
        assertThat(System.getProperty("lpr.onnx.homeState")).isEqualTo(old);
    }

    @Test
    void recognize_badHomeStateProperty_isNamedInOneLine(@TempDir Path dir) throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        String old = System.getProperty("lpr.onnx.homeState");
        System.setProperty("lpr.onnx.homeState", "Narnia");
        try {
            assertThat(errorOf("recognize", dir.resolve("car-tx-HRT5082.jpg").toString()))
                    .contains("-Dlpr.onnx.homeState=Narnia is not a state or province code").doesNotContain("ServiceConfigurationError");
        } finally {
            if (old == null) {
                System.clearProperty("lpr.onnx.homeState");
            } else {
                System.setProperty("lpr.onnx.homeState", old);
            }
        }
    }

    /**
     * An on/off option of the onnx backend read alike either way on the sample photo (legend bands are never read and the
     * second line reader never votes in crops cut from a photo), refused with another backend, and its system property
     * left as it was.
     */
    @ParameterizedTest
    @CsvSource({"legend-bands, lpr.onnx.legendBands", "second-line, lpr.onnx.secondLine"})
    void recognize_photoOnlyOptionOnOrOff_readsTheSamplePhotoAlike_andIsLeftUnset(String option, String property, @TempDir Path dir)
            throws Exception {
        SampleScenes.main(new String[] {dir.toString()});
        String photo = dir.resolve("car-tx-HRT5082.jpg").toString();
        assertThat(errorOf("recognize", "--backend", "opencv", "--no-" + option, photo)).contains(option + " needs --backend onnx");
        String old = System.getProperty(property);
        Run on = run("recognize", "--" + option, "--threads", "2", photo);
        Run off = run("recognize", "--no-" + option, "--threads", "2", photo);
        assertThat(on.exitCode()).isZero();
        assertThat(off.exitCode()).isZero();
        assertThat(readings(on)).anySatisfy(r -> assertThat(r).contains(" HRT5082 ")).isEqualTo(readings(off));
        assertThat(System.getProperty(property)).isEqualTo(old);
    }

    /** Each read's plate, state, confidence and candidates. */
    private static List<String> readings(Run run) {
        return run.lines().stream().map(r -> r.get("file").asText() + " " + r.get("plate").asText() + " " + r.get("state").asText()
                + " " + r.get("confidence").asText() + " " + r.get("candidates")).toList();
    }

    /** Runs the command line, expects it to fail, and returns what it printed on stderr. */
    private static String errorOf(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = LprCli.commandLine().execute(args);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(code).isNotZero();
        return err.toString(StandardCharsets.UTF_8);
    }
}
