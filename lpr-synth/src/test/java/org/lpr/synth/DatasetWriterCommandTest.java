package org.lpr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetWriter}'s command line, run as its own process (it exits with status 2 on a bad option). */
class DatasetWriterCommandTest {
    private record Run(int status, String out, String err) {
    }

    /** Runs the command with {@code args}, its output in files of {@code dir}, for at most a minute. */
    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), DatasetWriter.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("DatasetWriter " + String.join(" ", args) + " ran over a minute");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void cameraFarShare_writesThatManyPlates(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--out", dir.resolve("set").toString(), "--count", "4", "--threads", "1", "--plate-widths", "45:110", "--camera-far-share", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("set").resolve("labels.csv"))).hasSize(5);
    }

    @Test
    void states_writesOnlyThoseStatesPlates(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--out", dir.resolve("set").toString(), "--count", "6", "--threads", "1", "--states", "MA");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("set").resolve("labels.csv"));
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(1, 7)).allSatisfy(row -> assertThat(row.split(",")[1]).isEqualTo("ma"));
    }

    @Test
    void missingFonts_areNamedInAWarning_andTheRendersAreStillWritten(@TempDir Path dir) throws Exception {
        Run r = run(dir, "--out", dir.resolve("set").toString(), "--count", "2", "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> missing = PlateFonts.missing();
        if (missing.isEmpty()) {
            assertThat(r.err()).doesNotContain("warning");
        } else {
            assertThat(r.err()).contains("warning: " + missing.size() + " font files").contains(missing.get(0));
        }
        assertThat(Files.readAllLines(dir.resolve("set").resolve("labels.csv"))).hasSize(3);
    }

    @Test
    void fontWarning_countsAndNamesTheMissingFiles_andIsEmptyWithoutThem() {
        List<String> missing = PlateFonts.missing(new String[] {"/no/such/Face-Bold.ttf", "/no/such/Face-Bold.ttf"},
            new String[] {"/etc/hostname"});
        // a missing file once, and a file that is not a font
        assertThat(missing).containsExactly("/no/such/Face-Bold.ttf", "/etc/hostname");
        assertThat(DatasetWriter.fontWarning(missing)).startsWith("warning: 2 font files")
                .contains("/no/such/Face-Bold.ttf, /etc/hostname").contains(".ci/run");
        assertThat(DatasetWriter.fontWarning(List.of())).isEmpty();
    }

    @Test
    void badNumbers_areNamedWithTheirOption_andNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("set");
        assertRefused(dir, out, "--camera-far-share 'abc' is not a number", "--count", "2", "--camera-far-share", "abc");
        assertRefused(dir, out, "camera far share 1.5 must be between 0 and 1", "--count", "2", "--camera-far-share", "1.5");
        assertRefused(dir, out, "--count '2x' is not a whole number", "--count", "2x");
        assertRefused(dir, out, "--plain-one-states 'MA,ZZ': jurisdiction 'ZZ'", "--count", "2", "--plain-one-states", "MA,ZZ");
        assertRefused(dir, out, "--plain-one-states 'XX': 'XX' is the unknown jurisdiction", "--count", "2", "--plain-one-states", "XX");
        assertRefused(dir, out, "--states 'MA,ON': 'ON' has no plate style (only the 50 states and DC)", "--count", "2", "--states", "MA,ON");
        assertRefused(dir, out, "--states '': ", "--count", "2", "--states", "");
        assertRefused(dir, out, "--states 'XX': 'XX' is the unknown jurisdiction", "--count", "2", "--states", "XX");
        assertRefused(dir, out, "--count '3000000000' is too large", "--count", "3000000000");
        assertThat(out).doesNotExist();
    }

    /** Runs DatasetWriter with {@code --out out} and {@code args}: it must exit 2, its error starting with {@code problem}. */
    private static void assertRefused(Path dir, Path out, String problem, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--out";
        all[1] = out.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Run r = run(dir, all);
        assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).startsWith(problem);
    }

    @Test
    void seed_isTakenWhole_evenBeyondTheDoublesExactRange(@TempDir Path dir) throws Exception {
        // 2^53 + 1: a seed parsed through a double would come back as 2^53, and other plates with it
        long seed = 9007199254740993L;
        Run r = run(dir, "--out", dir.resolve("set").toString(), "--count", "3", "--threads", "1", "--seed", Long.toString(seed));
        assertThat(r.status()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("set").resolve("labels.csv"));
        PlateRenderer renderer = PlateRenderer.builder().seed(seed).build();
        PlateRenderer rounded = PlateRenderer.builder().seed(seed - 1).build();
        int differ = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i + 1)).endsWith("," + renderer.render(i).plate().text());
            differ += renderer.render(i).plate().equals(rounded.render(i).plate()) ? 0 : 1;
        }
        assertThat(differ).as("the rounded seed draws other plates").isPositive();
    }
}
