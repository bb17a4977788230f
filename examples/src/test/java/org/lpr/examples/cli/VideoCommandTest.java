package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.opencv.MjpegAviWriter;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;

class VideoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A plain, frontal 140x70 Missouri plate from lpr-synth (seed 77: never rendered for the shipped models' training or validation). */
    private static final BufferedImage PLATE = PlateRenderer.builder().seed(77).photoEffects(false).distractors(false).outputSize(140, 70).build()
            .render(PlateSpec.of("ABC1234", Jurisdiction.MO, 1)).image().toBufferedImage();

    private record Run(int exitCode, List<JsonNode> out, String err) {
    }

    private static Run run(String... args) throws Exception {
        CliCapture.Std std = CliCapture.runStd(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : std.out().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(std.exitCode(), lines, std.err());
    }

    /** Frame {@code i} of 10 fps video: a car whose plate ABC1234 drives right for the first 12 frames, then an empty road. */
    private static Image frame(int i) {
        BufferedImage scene = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scene.createGraphics();
        g.setColor(new Color(110, 110, 115));
        g.fillRect(0, 0, 640, 480);
        if (i < 12) {
            int px = 150 + 18 * i;
            g.setColor(new Color(120, 20, 25));
            g.fillRoundRect(px - 140, 260 - 140, 420, 224, 70, 70);
            g.drawImage(PLATE, px, 260, null);
        }
        g.dispose();
        return Image.of(scene);
    }

    @Test
    void video_carDrivingRight_oneGroupedReadMovingRight(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("gate.avi");
        try (MjpegAviWriter w = new MjpegAviWriter(video, 640, 480, 10)) {
            for (int i = 0; i < 20; i++) {
                w.write(frame(i));
            }
        }
        Run r = run("video", video.toString(), "--backend", "opencv", "--threads", "1", "--max-fps", "5",
                "--emit-delay", "500", "--start", "2026-01-02T03:04:05Z");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).as(r.err()).hasSize(1);
        JsonNode g = r.out().get(0);
        assertThat(g.get("plate").asText()).isEqualTo("ABC1234");
        assertThat(g.get("direction").asText()).isEqualTo("RIGHT");
        assertThat(g.get("frame_count").asInt()).isBetween(3, 6);
        assertThat(g.get("first_seen").asText()).startsWith("2026-01-02T03:04:05");
        assertThat(g.get("dx").asDouble()).isGreaterThan(0);
        assertThat(g.get("polygon")).hasSize(4);
        JsonNode stats = JSON.readTree(r.err().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(stats.get("frames_read").asInt()).isEqualTo(20);
        assertThat(stats.get("frames_processed").asInt()).isBetween(9, 11);
        assertThat(stats.get("grouped_reads").asInt()).isEqualTo(1);
    }

    @Test
    void video_missingFile_errorNamingItAndExit2(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.avi");
        Run r = run("video", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("none.avi").contains("no such video file");
    }

    @Test
    void video_notAVideo_clearErrorNoStackTrace(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.avi"), "not a video at all");
        Run r = run("video", text.toString(), "--backend", "opencv");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("notes.avi");
    }
}
