package org.lpr.opencv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedScene;

/**
 * The OpenCV backend's own evaluation harness (until {@code lpr eval-crops}/{@code eval-scenes}
 * take {@code --backend opencv}), with the same definitions as those commands:
 * <ul>
 *   <li>{@code crops DIR}: DIR holds crops and {@code labels.csv} ({@code file,state,PLATE});
 *       exact top-1 and top-5 accuracy and milliseconds per crop;</li>
 *   <li>{@code scenes DIR DETECTOR}: DIR holds {@code NAME.jpg} and {@code NAME.txt}
 *       ({@code file x y w h PLATE}); found = a region with IoU &gt; 0.4 against the truth box (the
 *       detector's recall), exact = that region's best reading equals the truth;</li>
 *   <li>{@code synthetic N DETECTOR}: the same on N rendered scenes.</li>
 * </ul>
 * Run: {@code java -cp ... org.lpr.opencv.OpenCvEval crops ../shared/data/openalpr-dev/crops-us}.
 */
public final class OpenCvEval {
    private OpenCvEval() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "crops" -> crops(Path.of(args[1]));
            case "scenes" -> scenes(Path.of(args[1]), detector(args[2]));
            case "synthetic" -> synthetic(Integer.parseInt(args[1]), detector(args[2]));
            default -> throw new IllegalArgumentException("usage: crops DIR | scenes DIR dnn|classical | synthetic N dnn|classical");
        }
    }

    private static PlateDetector detector(String name) {
        return name.equals("classical") ? new ClassicalPlateDetector() : DnnPlateDetector.builder().build();
    }

    private static void crops(Path dir) throws Exception {
        PlateRecognizer rec = DnnPlateRecognizer.builder().build();
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f.length == 3 && Files.isRegularFile(dir.resolve(f[0]))) {
                rows.add(f);
            }
        }
        rec.recognize(OpenCvImages.read(dir.resolve(rows.get(0)[0]))); // warm up
        int exact = 0;
        int top5 = 0;
        long nanos = 0;
        for (String[] f : rows) {
            Image crop = OpenCvImages.read(dir.resolve(f[0]));
            long t0 = System.nanoTime();
            PlateReading r = rec.recognize(crop);
            nanos += System.nanoTime() - t0;
            String truth = f[2].toUpperCase(Locale.ROOT);
            if (r.best().map(Candidate::text).orElse("").equals(truth)) {
                exact++;
            }
            if (r.candidates().stream().limit(5).anyMatch(c -> c.text().equals(truth))) {
                top5++;
            }
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT, "{\"backend\":\"opencv\",\"recognizer\":\"%s\",\"total\":%d,\"exact\":%d,\"accuracy\":%.4f,\"top5\":%.4f,\"ms_per_crop\":%.2f}%n",
                rec.name(), n, exact, (double) exact / n, (double) top5 / n, nanos / 1e6 / n);
    }

    private static void scenes(Path dir, PlateDetector det) throws Exception {
        PlateRecognizer rec = DnnPlateRecognizer.builder().build();
        List<Path> txts;
        try (var s = Files.list(dir)) {
            txts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Counts c = new Counts();
        for (Path txt : txts) {
            String[] f = Files.readString(txt).trim().split("\t");
            Image img = OpenCvImages.read(dir.resolve(f[0]));
            Polygon truth = Polygon.rectangle(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]));
            c.add(det, rec, img, truth, f[5].toUpperCase(Locale.ROOT));
        }
        c.print(det, "openalpr-dev/endtoend-us");
    }

    private static void synthetic(int n, PlateDetector det) {
        PlateRecognizer rec = DnnPlateRecognizer.builder().build();
        Counts c = new Counts();
        // lpr-synth's scenes with camera effects (slight perspective, JPEG), random states and serials
        PlateRenderer renderer = PlateRenderer.builder().seed(2025).build();
        for (int i = 0; i < n; i++) {
            RenderedScene s = renderer.renderScene(10_000 + i);
            c.add(det, rec, s.image(), s.outline(), s.plate().text());
        }
        c.print(det, "synthetic");
    }

    private static final class Counts {
        int total;
        int found;
        int exact;
        long detectNanos;
        long totalNanos;

        void add(PlateDetector det, PlateRecognizer rec, Image img, Polygon truth, String text) {
            long t0 = System.nanoTime();
            List<PlateRegion> regions = det.detect(img);
            long t1 = System.nanoTime();
            List<PlateReading> readings = rec.recognizeAll(regions.stream().map(PlateRegion::crop).toList());
            totalNanos += System.nanoTime() - t0;
            detectNanos += t1 - t0;
            total++;
            boolean isFound = false;
            boolean isExact = false;
            for (int i = 0; i < regions.size(); i++) {
                if (regions.get(i).polygon().boundingBoxIoU(truth) > 0.4) {
                    isFound = true;
                    isExact |= readings.get(i).best().map(Candidate::text).orElse("").equals(text);
                }
            }
            found += isFound ? 1 : 0;
            exact += isExact ? 1 : 0;
        }

        void print(PlateDetector det, String data) {
            System.out.printf(Locale.ROOT, "{\"backend\":\"opencv\",\"detector\":\"%s\",\"data\":\"%s\",\"total\":%d,\"found\":%d,\"recall\":%.4f,\"exact\":%d,\"accuracy\":%.4f,\"detect_ms_per_image\":%.1f,\"ms_per_image\":%.1f}%n",
                    det.name(), data, total, found, (double) found / total, exact, (double) exact / total, detectNanos / 1e6 / total, totalNanos / 1e6 / total);
        }
    }
}
