package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.HotListFormatException;
import org.lpr.core.hotlist.HotListMatcher;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.ParsedHotList;
import org.lpr.core.hotlist.file.CsvHotListSource;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lpr recognize PATH...}: finds and reads plates in images, one JSON object per read per line. */
@Command(name = "recognize", mixinStandardHelpOptions = true,
        description = {"Finds and reads the plates in images (files or folders): one JSON object per read per line on stdout.",
            "Bad files get a JSON error line naming the file and the problem; the rest go on; the exit code is 1 when any failed."})
final class RecognizeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files (JPEG, PNG, BMP, GIF) or folders of them.")
    List<Path> paths;

    @Option(names = "--hotlist", paramLabel = "FILE", description = "Hot list CSV (PLATE,STATE,LIST_TYPE,REASON); hits are added to each read.")
    Path hotlist;

    @Option(names = "--format", defaultValue = "json", description = "json (one object per read) or openalpr (OpenALPR's alpr_results, one per image).")
    String format;

    @Option(names = "--top", defaultValue = "10", description = "Candidates per read (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Images read at once (default: ${DEFAULT-VALUE}); lines still come out in the images' order. On the 2-core machine two jobs with --threads 1 took about a quarter less time on a folder of photos than one job on both cores; each image's timings then include the wait for the cores.")
    int jobs;

    @Mixin
    EngineOptions engine;

    /** What one image gave: its output lines, or a failure. */
    private record Outcome(List<String> lines, boolean failed) {
    }

    @Override
    public Integer call() {
        if (jobs < 1) {
            System.err.println("--jobs " + jobs + " must be at least 1");
            return 2;
        }
        if (!format.equals("json") && !format.equals("openalpr")) {
            System.err.println("--format must be json or openalpr, not '" + format + "'");
            return 2;
        }
        HotListMatcher matcher = HotListMatcher.none();
        if (hotlist != null) {
            ParsedHotList parsed = new CsvHotListSource(hotlist).read();
            for (HotListFormatException p : parsed.problems()) {
                System.err.println("skipped: " + p.getMessage());
            }
            matcher = HotLists.builder().list(parsed.list()).build();
        }
        List<Path> files = ImageFiles.expand(paths);
        PrintStream out = System.out;
        int failed = 0;
        try (SceneReader reader = engine.sceneReader(Math.max(1, top));
             ProgressBar bar = ImageFiles.anyFolder(paths) ? new ProgressBarBuilder().setTaskName("recognize")
                     .setInitialMax(files.size()).setStyle(ProgressBarStyle.ASCII).setConsumer(
                             new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null) {
            HotListMatcher hits = matcher;
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                // at most 2 x jobs images in flight: read ahead, print in order
                Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
                int next = 0;
                while (next < files.size() || !inFlight.isEmpty()) {
                    while (next < files.size() && inFlight.size() < 2 * jobs) {
                        Path file = files.get(next++);
                        inFlight.add(pool.submit(() -> readOne(file, reader, hits)));
                    }
                    Outcome o = inFlight.poll().get();
                    o.lines().forEach(out::println);
                    if (o.failed()) {
                        failed++;
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Reads one image into its output lines; a bad file gives one JSON error line naming it and the problem. */
    private Outcome readOne(Path file, SceneReader reader, HotListMatcher matcher) {
        List<String> lines = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            Image image = Image.read(file);
            long t1 = System.nanoTime();
            SceneReader.Result result = reader.process(image);
            long t2 = System.nanoTime();
            double decodeMs = (t1 - t0) / 1e6;
            double totalMs = (t2 - t0) / 1e6;
            if (format.equals("openalpr")) {
                lines.add(JSON.writeValueAsString(OpenAlprJson.results(image, result, totalMs, top)));
            } else {
                for (SceneReader.Found f : result.found()) {
                    lines.add(JSON.writeValueAsString(readJson(file, f, matcher.match(f.read()), result, decodeMs, totalMs)));
                }
            }
            return new Outcome(lines, false);
        } catch (Exception e) {
            ObjectNode err = JSON.createObjectNode();
            err.put("file", file.toString());
            err.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
            try {
                return new Outcome(List.of(JSON.writeValueAsString(err)), true);
            } catch (com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new IllegalStateException(j);
            }
        }
    }

    /** A read's state in the JSON lines: the two-letter code, or {@code "unknown"} where it cannot be told. */
    static String state(Jurisdiction j) {
        return j.isKnown() ? j.code() : "unknown";
    }

    /** A hot list entry's (or a given plate's) state in the JSON lines: the two-letter code, or null where none was given. */
    static void putGivenState(ObjectNode o, Jurisdiction j) {
        if (j.isKnown()) {
            o.put("state", j.code());
        } else {
            o.putNull("state");
        }
    }

    private static ObjectNode readJson(Path file, SceneReader.Found found, List<Hit> hitList, SceneReader.Result result,
            double decodeMs, double totalMs) {
        PlateRead read = found.read();
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("plate", read.plate().text());
        o.put("state", state(read.plate().jurisdiction()));
        o.put("state_confidence", round(read.jurisdictionConfidence()));
        o.put("confidence", round(read.confidence()));
        ArrayNode candidates = o.putArray("candidates");
        for (Candidate c : read.candidates()) {
            candidates.addObject().put("plate", c.text()).put("confidence", round(c.confidence()));
        }
        ArrayNode chars = o.putArray("char_confidences");
        found.reading().characterConfidences().forEach(c -> chars.add(round(c)));
        ArrayNode flags = o.putArray("flags");
        found.reading().flags().stream().map(Enum::name).sorted().forEach(flags::add);
        o.put("detection_confidence", round(found.region().confidence()));
        ArrayNode polygon = o.putArray("polygon");
        for (Point p : read.polygon().points()) {
            polygon.addArray().add(Math.round(p.x())).add(Math.round(p.y()));
        }
        ObjectNode timings = o.putObject("timings");
        timings.put("decode_ms", round(decodeMs));
        timings.put("detect_ms", round(result.detectMs()));
        timings.put("recognize_ms", round(result.recognizeMs()));
        timings.put("total_ms", round(totalMs));
        ArrayNode hits = o.putArray("hits");
        for (Hit h : hitList) {
            ObjectNode hit = hits.addObject();
            hit.put("plate", h.entry().plate().text());
            putGivenState(hit, h.entry().jurisdiction());
            hit.put("read_text", h.readText());
            hit.put("match", h.match().name());
            hit.put("score", round(h.score()));
            hit.put("state_verified", h.stateVerified());
            hit.put("list_type", h.entry().listType().name());
            hit.put("reason", h.entry().reason());
            hit.put("entry", h.entry().id());
        }
        return o;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
