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

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatasetWriter.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void cameraFarShare_writesThatManyPlates(@TempDir Path dir) throws Exception {
        Run r = run("--out", dir.toString(), "--count", "4", "--threads", "1", "--plate-widths", "45:110", "--camera-far-share", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("labels.csv"))).hasSize(5);
    }

    @Test
    void badNumbers_areNamedWithTheirOption_andNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("set");
        Run notNumber = run("--out", out.toString(), "--count", "2", "--camera-far-share", "abc");
        assertThat(notNumber.status()).isEqualTo(2);
        assertThat(notNumber.err()).startsWith("--camera-far-share 'abc' is not a number");
        Run outOfRange = run("--out", out.toString(), "--count", "2", "--camera-far-share", "1.5");
        assertThat(outOfRange.status()).isEqualTo(2);
        assertThat(outOfRange.err()).startsWith("camera far share 1.5 must be between 0 and 1");
        Run count = run("--out", out.toString(), "--count", "2x");
        assertThat(count.status()).isEqualTo(2);
        assertThat(count.err()).startsWith("--count '2x' is not a whole number");
        assertThat(out).doesNotExist();
    }
}
