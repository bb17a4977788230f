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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateRegion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lpr eval-scenes DIR}: finds and reads plates in labelled photos and prints end-to-end accuracy and speed. */
@Command(name = "eval-scenes", mixinStandardHelpOptions = true,
        description = {"For every NAME.jpg in DIR with NAME.txt (tab separated: file x y w h PLATE), finds and reads the plates and prints",
            "{\"total\",\"found\",\"exact\",\"accuracy\",\"ms_per_image\"}: found = a detection overlaps the truth box with IoU > 0.4,",
            "exact = that detection's best reading equals the truth; ms_per_image is detection plus recognition, not JPEG decoding."})
final class EvalScenesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIN_IOU = 0.4;

    @Parameters(paramLabel = "DIR", description = "Folder with NAME.jpg and NAME.txt pairs.")
    Path dir;

    @Option(names = "--errors", paramLabel = "FILE", description = "Also write every miss as CSV (file,truth,found,read,iou).")
    Path errors;

    @Mixin
    EngineOptions engine;

    private record Truth(Polygon box, String plate) {
    }

    @Override
    public Integer call() throws IOException {
        List<Path> labels;
        try (Stream<Path> s = Files.list(dir)) {
            labels = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        int total = 0;
        int found = 0;
        int exact = 0;
        int failed = 0;
        int images = 0;
        long nanos = 0;
        List<String> misses = new ArrayList<>();
        try (SceneReader reader = engine.sceneReader(10)) {
            boolean warm = false;
            for (Path label : labels) {
                List<Truth> truths = new ArrayList<>();
                String imageName = null;
                for (String line : Files.readAllLines(label, StandardCharsets.UTF_8)) {
                    String[] f = line.strip().split("\t");
                    if (f.length < 6) {
                        continue;
                    }
                    imageName = f[0];
                    truths.add(new Truth(Polygon.rectangle(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4])), Plate.normalize(f[5])));
                }
                if (imageName == null) {
                    continue;
                }
                total += truths.size();
                Image image;
                try {
                    image = Image.read(dir.resolve(imageName));
                } catch (RuntimeException e) {
                    failed++;
                    System.err.println(JSON.writeValueAsString(JSON.createObjectNode().put("file", dir.resolve(imageName).toString()).put("error", e.getMessage())));
                    continue;
                }
                if (!warm) {
                    reader.process(image);
                    warm = true;
                }
                long t0 = System.nanoTime();
                SceneReader.Result result = reader.process(image);
                nanos += System.nanoTime() - t0;
                images++;
                for (Truth t : truths) {
                    PlateRegion best = null;
                    double bestIoU = MIN_IOU;
                    for (PlateRegion r : result.regions()) {
                        double iou = r.polygon().boundingBoxIoU(t.box());
                        if (iou > bestIoU) {
                            bestIoU = iou;
                            best = r;
                        }
                    }
                    String read = "";
                    if (best != null) {
                        found++;
                        PlateRegion b = best;
                        read = result.found().stream().filter(f -> f.region() == b).findFirst().map(f -> f.read().plate().text()).orElse("");
                        if (read.equals(t.plate())) {
                            exact++;
                            continue;
                        }
                    }
                    misses.add(String.join(",", imageName, t.plate(), String.valueOf(best != null), read,
                            String.valueOf(RecognizeCommand.round(best == null ? 0 : bestIoU))));
                }
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("total", total);
        o.put("found", found);
        o.put("exact", exact);
        o.put("accuracy", RecognizeCommand.round(total == 0 ? 0 : (double) exact / total));
        o.put("ms_per_image", RecognizeCommand.round(images == 0 ? 0 : nanos / 1e6 / images));
        System.out.println(JSON.writeValueAsString(o));
        if (errors != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
                w.println("file,truth,found,read,iou");
                misses.forEach(w::println);
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
