package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.ImageDecodeException;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.pipeline.Lpr;
import org.lpr.core.pipeline.LprResult;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;

/**
 * Synthetic video: rendered plates on cars driving across the frame, written as Motion-JPEG AVI with
 * OpenCV's own writer and read back through {@link VideoSource}.
 */
class VideoPipelineTest {
    private static final Camera CAMERA = new Camera("gate-3", CameraKind.FIXED, "MO0920200");
    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final double FPS = 10;
    /** Frames 0-11: ABC1234 drives right; 12-19: empty road; 20-31: XKL7245 drives left; 32-35 empty. */
    private static final int FRAMES = 36;

    @TempDir
    static Path dir;
    private static Path video;

    @BeforeAll
    static void writeVideo() {
        video = dir.resolve("road.avi");
        try (MjpegAviWriter w = new MjpegAviWriter(video, 640, 480, FPS)) {
            for (int i = 0; i < FRAMES; i++) {
                w.write(frame(i));
            }
        }
    }

    /** Frame {@code i}: a grey road with a few parked shapes, and the car of the moment, its plate rendered by lpr-synth. */
    static Image frame(int i) {
        BufferedImage scene = road(640, 480, 42);
        if (i < 12) {
            drawCarWithPlate(scene, SyntheticPlates.plate("ABC1234", 140, 70, 1), 150 + 18 * i, 260);
        } else if (i >= 20 && i < 32) {
            drawCarWithPlate(scene, SyntheticPlates.plate("XKL7245", 140, 70, 2), 360 - 18 * (i - 20), 240);
        }
        return Image.of(scene);
    }

    /** A grey street-like background of {@code w x h} with a few blocks of colour, seeded. */
    private static BufferedImage road(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y += 4) {
            int v = 90 + (int) (60.0 * y / h) + rnd.nextInt(6);
            g.setColor(new Color(v, v, v + 5));
            g.fillRect(0, y, w, 4);
        }
        for (int i = 0; i < 6; i++) {
            int v = 40 + rnd.nextInt(160);
            g.setColor(new Color(v, v - rnd.nextInt(30), v));
            g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 4), 10 + rnd.nextInt(h / 6));
        }
        g.dispose();
        return img;
    }

    /** Draws a car's rear (a dark red body with lights) around a plate whose top-left corner is at {@code (px, py)}, then the plate. */
    private static void drawCarWithPlate(BufferedImage scene, BufferedImage plate, int px, int py) {
        Graphics2D g = scene.createGraphics();
        int pw = plate.getWidth();
        int ph = plate.getHeight();
        g.setColor(new Color(120, 20, 25));
        g.fillRoundRect(px - pw, py - 2 * ph, 3 * pw, (int) (3.2 * ph), ph, ph);
        g.setColor(new Color(230, 200, 120));
        g.fillOval(px - pw + pw / 6, py - ph, pw / 2, ph / 2);
        g.fillOval(px + 2 * pw - pw / 6 - pw / 2, py - ph, pw / 2, ph / 2);
        g.drawImage(plate, px, py, null);
        g.dispose();
    }

    private static Lpr lpr() {
        return Lpr.builder().detector(SharedModels.detector()).recognizer(SharedModels.recognizer()).minConfidence(0.5).build();
    }

    /** Records what a run reported, and which frame had been processed when each group came out. */
    private static final class Recorder implements VideoListener {
        final List<LprResult> frames = new ArrayList<>();
        final List<GroupedRead> groups = new ArrayList<>();
        final List<Long> emittedAfterFrame = new ArrayList<>();
        long lastFrame = -1;
        long sleepMillis;

        @Override
        public void onFrame(VideoFrame frame, LprResult result) {
            frames.add(result);
            lastFrame = frame.index();
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis); // a consumer slower than the video
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onGroupedRead(GroupedRead group) {
            groups.add(group);
            emittedAfterFrame.add(lastFrame);
        }
    }

    @Test
    void open_mjpegAvi_isReadByOpenCvsOwnReader() {
        try (VideoSource s = VideoSource.open(video)) {
            assertThat(s.backend()).isEqualTo("CV_MJPEG");
            assertThat(s.fps()).isEqualTo(FPS);
            int n = 0;
            while (s.next().isPresent()) {
                n++;
            }
            assertThat(n).isEqualTo(FRAMES);
        }
    }

    @Test
    void run_everyFrame_groupsEachVehicleOnceWithDirectionAndTimes() {
        Recorder rec = new Recorder();
        VideoStats stats;
        try (VideoSource s = VideoSource.open(video)) {
            stats = VideoPipeline.builder().lpr(lpr()).camera(CAMERA).start(START)
                    .grouping(ReadGrouper.builder().emitDelay(Duration.ofMillis(500))).build().run(s, rec);
        }
        assertThat(stats.framesRead()).isEqualTo(FRAMES);
        assertThat(stats.framesProcessed()).isEqualTo(FRAMES);
        assertThat(rec.groups).hasSize(2);
        assertThat(stats.groupedReads()).isEqualTo(2);

        GroupedRead first = rec.groups.get(0);
        assertThat(first.read().plate().text()).isEqualTo("ABC1234");
        assertThat(first.direction()).isEqualTo(TravelDirection.RIGHT);
        assertThat(first.frameCount()).isBetween(10, 12);
        assertThat(first.firstSeen()).isBetween(START, START.plusMillis(200));
        assertThat(first.lastSeen()).isBetween(START.plusMillis(900), START.plusMillis(1100));
        // emitted once 500 ms of video passed without it: by frame 11 + 5, not later
        assertThat(rec.emittedAfterFrame.get(0)).isLessThanOrEqualTo(16);

        GroupedRead second = rec.groups.get(1);
        assertThat(second.read().plate().text()).isEqualTo("XKL7245");
        assertThat(second.direction()).isEqualTo(TravelDirection.LEFT);
        assertThat(second.firstSeen()).isBetween(START.plusMillis(2000), START.plusMillis(2200));

        // single-frame reads stay available
        long singleReads = rec.frames.stream().mapToLong(r -> r.reads().size()).sum();
        assertThat(singleReads).isEqualTo(first.frameCount() + second.frameCount());
        assertThat(rec.frames.get(3).reads()).isNotEmpty();
    }

    @Test
    void run_frameRateCap_processesOnlyEveryOtherFrame() {
        Recorder rec = new Recorder();
        VideoStats stats;
        try (VideoSource s = VideoSource.open(video)) {
            stats = VideoPipeline.builder().lpr(lpr()).camera(CAMERA).start(START).maxFps(5).build().run(s, rec);
        }
        assertThat(stats.framesProcessed()).isEqualTo(FRAMES / 2);
        assertThat(stats.skippedForRate()).isEqualTo(FRAMES / 2);
        assertThat(rec.groups).extracting(g -> g.read().plate().text()).containsExactly("ABC1234", "XKL7245");
    }

    @Test
    void run_realTimeWithASlowConsumer_dropsFramesInsteadOfFallingBehind() {
        Recorder rec = new Recorder();
        rec.sleepMillis = 250; // 4 frames/s against a 10 frames/s video
        VideoStats stats;
        try (VideoSource s = VideoSource.open(video)) {
            stats = VideoPipeline.builder().lpr(lpr()).camera(CAMERA).start(START).pacing(VideoPipeline.Pacing.REAL_TIME).build().run(s, rec);
        }
        assertThat(stats.framesRead()).isEqualTo(FRAMES);
        assertThat(stats.skippedUnderLoad()).isPositive();
        assertThat(stats.framesProcessed() + stats.skippedUnderLoad()).isEqualTo(FRAMES);
        assertThat(rec.frames).hasSize((int) stats.framesProcessed());
    }

    @Test
    void open_corruptVideo_namesTheFile() throws Exception {
        Path junk = dir.resolve("junk.avi");
        Files.write(junk, "RIFF....AVI not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> VideoSource.open(junk)).isInstanceOf(ImageDecodeException.class).hasMessageContaining("junk.avi: cannot open as video");
    }

    @Test
    void open_networkStream_explainsTheBuildCannot() {
        assertThatThrownBy(() -> VideoSource.open("rtsp://127.0.0.1:1/cam")).isInstanceOf(LprException.class)
                .hasMessageContaining("neither FFMPEG nor GStreamer");
    }
}
