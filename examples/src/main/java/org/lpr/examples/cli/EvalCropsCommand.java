package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lpr eval-crops DIR}: reads labelled plate crops and prints accuracy and speed as one JSON object. */
@Command(name = "eval-crops", mixinStandardHelpOptions = true,
        description = {"Reads the plate crops listed in DIR/labels.csv (file,state,PLATE) and prints",
            "{\"total\",\"exact\",\"accuracy\",\"top5\",\"state_accuracy\",\"ms_per_crop\"}; ms_per_crop is recognition time only, batched."})
final class EvalCropsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "DIR", description = "Folder with the crops and labels.csv.")
    Path dir;

    @Option(names = "--batch", defaultValue = "32", description = "Crops per recognizer call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write every miss as CSV (file,state,truth,read,read_state,flags,top5).")
    Path errors;

    @Mixin
    EngineOptions engine;

    private record Labelled(String file, String state, String plate, Image image) {
    }

    @Override
    public Integer call() throws IOException {
        engine.refuseSecondPass("eval-crops");
        Path labels = dir.resolve("labels.csv");
        if (!Files.isRegularFile(labels)) {
            System.err.println("{\"error\":" + JSON.writeValueAsString(labels + ": no labels.csv (expected file,state,PLATE lines)") + "}");
            return 2;
        }
        List<Labelled> crops = new ArrayList<>();
        int failed = 0;
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split(",");
            if (f.length < 3 || (i == 0 && f[0].equalsIgnoreCase("file"))) {
                continue;
            }
            try {
                crops.add(new Labelled(f[0], f[1].toUpperCase(Locale.ROOT), Plate.normalize(f[2]), Image.read(dir.resolve(f[0]))));
            } catch (RuntimeException e) {
                failed++;
                ObjectNode err = JSON.createObjectNode().put("file", dir.resolve(f[0]).toString()).put("error", e.getMessage());
                System.err.println(JSON.writeValueAsString(err));
            }
        }
        int exact = 0;
        int top5 = 0;
        int stateRight = 0;
        long nanos = 0;
        List<String> misses = new ArrayList<>();
        try (PlateRecognizer recognizer = engine.recognizer()) {
            // one warm-up call so that model loading is not counted as reading time
            recognizer.recognize(crops.isEmpty() ? Image.ofBgr(64, 32, new byte[64 * 32 * 3]) : crops.get(0).image());
            for (int start = 0; start < crops.size(); start += batch) {
                List<Labelled> part = crops.subList(start, Math.min(crops.size(), start + batch));
                long t0 = System.nanoTime();
                List<PlateReading> readings = recognizer.recognizeAll(part.stream().map(Labelled::image).toList());
                nanos += System.nanoTime() - t0;
                for (int i = 0; i < part.size(); i++) {
                    Labelled l = part.get(i);
                    PlateReading r = readings.get(i);
                    String best = r.best().map(Candidate::text).orElse("");
                    List<String> five = r.candidates().stream().limit(5).map(Candidate::text).toList();
                    boolean ok = best.equals(l.plate());
                    exact += ok ? 1 : 0;
                    top5 += five.contains(l.plate()) ? 1 : 0;
                    boolean stateOk = r.jurisdiction().code().equals(l.state());
                    stateRight += stateOk ? 1 : 0;
                    if (!ok || !stateOk) {
                        misses.add(String.join(",", l.file(), l.state(), l.plate(), best, RecognizeCommand.state(r.jurisdiction()),
                                String.join("|", r.flags().stream().map(Enum::name).sorted().toList()), String.join("|", five)));
                    }
                }
            }
        }
        int total = crops.size() + failed;
        ObjectNode o = JSON.createObjectNode();
        o.put("total", total);
        o.put("exact", exact);
        o.put("accuracy", RecognizeCommand.round(total == 0 ? 0 : (double) exact / total));
        o.put("top5", RecognizeCommand.round(total == 0 ? 0 : (double) top5 / total));
        o.put("state_accuracy", RecognizeCommand.round(total == 0 ? 0 : (double) stateRight / total));
        o.put("ms_per_crop", RecognizeCommand.round(crops.isEmpty() ? 0 : nanos / 1e6 / crops.size()));
        System.out.println(JSON.writeValueAsString(o));
        if (errors != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
                w.println("file,state,truth,read,read_state,flags,top5");
                misses.forEach(w::println);
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
