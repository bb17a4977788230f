package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.lpr.core.pipeline.Lpr;
import org.lpr.core.pipeline.LprResult;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Point;
import org.lpr.core.spi.PlateDetector;
import org.lpr.opencv.GroupedRead;
import org.lpr.opencv.ReadGrouper;
import org.lpr.opencv.VideoFrame;
import org.lpr.opencv.VideoListener;
import org.lpr.opencv.VideoPipeline;
import org.lpr.opencv.VideoSource;
import org.lpr.opencv.VideoStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lpr video FILE}: reads the plates in a video file and prints one JSON line per vehicle (reads grouped over frames). */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = {"Reads every frame of the video FILE (Motion-JPEG AVI with the bundled OpenCV build,",
            "which has no FFMPEG), groups one vehicle's reads over consecutive frames and prints one JSON line per grouped read:",
            "{\"plate\",\"state\",\"confidence\",\"candidates\",\"first_seen\",\"last_seen\",\"frame_count\",\"direction\",\"dx\",\"dy\",\"polygon\"}.",
            "At the end, one line {\"frames_read\",\"frames_processed\",\"skipped_for_rate\",\"grouped_reads\",\"ms_per_frame\"} goes to stderr."})
final class VideoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", description = "The video file.")
    Path file;

    @Option(names = "--max-fps", defaultValue = "0", description = "Most frames processed per second of video; 0 for every frame (default: ${DEFAULT-VALUE}).")
    double maxFps;

    @Option(names = "--emit-delay", defaultValue = "1000", paramLabel = "MS",
            description = "A vehicle's grouped read is printed at most this long (video time) after it was last seen (default: ${DEFAULT-VALUE}).")
    long emitDelayMs;

    @Option(names = "--start", paramLabel = "INSTANT", description = "Capture time of the first frame, ISO-8601 (default: the file's modification time).")
    Instant start;

    @Option(names = "--frames", description = "Also print each frame's single-frame reads, as {\"frame\",\"position_ms\",\"plate\",\"confidence\"} lines.")
    boolean frames;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
        engine.refuseSecondPass("video");
        if (!Files.isRegularFile(file)) {
            System.err.println(JSON.writeValueAsString(JSON.createObjectNode().put("file", file.toString()).put("error", "no such video file")));
            return 2;
        }
        if (emitDelayMs < 0) {
            System.err.println(JSON.writeValueAsString(JSON.createObjectNode().put("error", "--emit-delay " + emitDelayMs + " must not be negative")));
            return 2;
        }
        Instant first = start != null ? start : Files.getLastModifiedTime(file).toInstant();
        long t0 = System.nanoTime();
        VideoStats stats;
        try (Lpr lpr = pipeline(engine);
                VideoSource source = VideoSource.open(file)) {
            stats = VideoPipeline.builder().lpr(lpr).camera(SceneReader.CLI_CAMERA).start(first).maxFps(maxFps)
                    .grouping(ReadGrouper.builder().emitDelay(Duration.ofMillis(emitDelayMs)))
                    .build()
                    .run(source, new VideoListener() {
                        @Override
                        public void onFrame(VideoFrame frame, LprResult result) {
                            if (frames) {
                                for (PlateRead r : result.reads()) {
                                    print(JSON.createObjectNode().put("frame", frame.index()).put("position_ms", frame.position().toMillis())
                                            .put("plate", r.plate().text()).put("confidence", RecognizeCommand.round(r.confidence())));
                                }
                            }
                        }

                        @Override
                        public void onGroupedRead(GroupedRead g) {
                            print(groupJson(g));
                        }
                    });
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        ObjectNode s = JSON.createObjectNode();
        s.put("frames_read", stats.framesRead());
        s.put("frames_processed", stats.framesProcessed());
        s.put("skipped_for_rate", stats.skippedForRate());
        s.put("grouped_reads", stats.groupedReads());
        s.put("ms_per_frame", RecognizeCommand.round(stats.framesProcessed() == 0 ? 0 : ms / stats.framesProcessed()));
        System.err.println(JSON.writeValueAsString(s));
        return 0;
    }

    static ObjectNode groupJson(GroupedRead g) {
        PlateRead r = g.read();
        ObjectNode o = JSON.createObjectNode();
        o.put("plate", r.plate().text());
        o.put("state", RecognizeCommand.state(r.plate().jurisdiction()));
        o.put("confidence", RecognizeCommand.round(r.confidence()));
        ArrayNode candidates = o.putArray("candidates");
        for (Candidate c : r.candidates().stream().limit(5).toList()) {
            candidates.addObject().put("plate", c.text()).put("confidence", RecognizeCommand.round(c.confidence()));
        }
        o.put("first_seen", g.firstSeen().toString());
        o.put("last_seen", g.lastSeen().toString());
        o.put("frame_count", g.frameCount());
        o.put("direction", g.direction().name());
        o.put("dx", RecognizeCommand.round(g.dx()));
        o.put("dy", RecognizeCommand.round(g.dy()));
        ArrayNode polygon = o.putArray("polygon");
        for (Point p : r.polygon().points()) {
            polygon.addArray().add(Math.round(p.x())).add(Math.round(p.y()));
        }
        return o;
    }

    private static void print(ObjectNode o) {
        try {
            System.out.println(JSON.writeValueAsString(o));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pipeline video frames go through: the options' detector and recognizer, without a second pass (a plate-less frame would pay it every time). */
    static Lpr pipeline(EngineOptions engine) {
        PlateDetector detector = engine.detector();
        try {
            return Lpr.builder().detector(detector).noSecondPass().recognizer(engine.recognizer()).build();
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }
}
