package org.lpr.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRegion;

/**
 * Measures where a scene's time goes and what each candidate crop looks like (not a test; run with the module's
 * test class path): {@code SceneJunkCheck DIR} reads NAME.jpg with NAME.txt (file x y w h PLATE) as
 * {@code lpr eval-scenes} does, times the detector per photo and the ensemble on each candidate crop alone, and
 * prints one tab-separated row per candidate: the detector's line (size, aspect, share of the photo's height,
 * score), the truth it overlaps, the ensemble's reading and time, and what the whole-crop models alone
 * (the ensemble's whole-crop model, plate-rec-v3 since 2026-11-29, and plate-lite, on the plate framed around the detector's line) make of it, with their times.
 */
final class SceneJunkCheck {
    private SceneJunkCheck() {
    }

    private record Truth(Polygon box, String plate) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> labels;
        try (Stream<Path> files = Files.list(dir)) {
            labels = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        OnnxPlateDetector detector = OnnxPlateDetector.builder().threads(2).build();
        EnsemblePlateRecognizer ensemble = EnsemblePlateRecognizer.builder().threads(2).build();
        TextReader rec = new TextReader(OcrModel.loadResource(EnsemblePlateRecognizer.PLATE_REC), 2, 1);
        TextReader lite = new TextReader(OcrModel.loadResource("/org/lpr/onnx/models/plate-lite.properties"), 2, 1);
        boolean warm = false;
        System.out.println("scene\tidx\tlineW\tlineH\taspect\tshare\tscore\tmapH\tiou\ttruth\tread\tconf\tflags\tms\t"
                + "rec\trecP\trecMs\tlite\tliteP\tliteMs\tdetMs\tphotoW\tphotoH");
        for (Path label : labels) {
            Optional<SceneTruthFile> file = SceneTruthFile.read(label);
            if (file.isEmpty()) {
                continue;
            }
            String name = file.get().image();
            List<Truth> truths = file.get().boxes().stream().map(b -> new Truth(b.box(), Plate.normalize(b.plate()))).toList();
            Image image = Image.read(dir.resolve(name));
            if (!warm) {
                for (PlateRegion r : detector.detect(image)) {
                    ensemble.recognize(r.crop());
                    wholeBest(rec, r.crop());
                    wholeBest(lite, r.crop());
                }
                warm = true;
            }
            long t0 = System.nanoTime();
            List<PlateRegion> regions = detector.detect(image);
            double detMs = (System.nanoTime() - t0) / 1e6;
            if (regions.isEmpty()) {
                System.out.println(String.join("\t", name, "-1", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                        f1(detMs), String.valueOf(image.width()), String.valueOf(image.height())));
            }
            for (int i = 0; i < regions.size(); i++) {
                PlateRegion r = regions.get(i);
                Image crop = r.crop();
                SceneLines.Boxes b = SceneLines.of(crop).orElseThrow();
                double iou = 0;
                Truth truth = null;
                for (Truth t : truths) {
                    double v = r.polygon().boundingBoxIoU(t.box());
                    if (v > iou) {
                        iou = v;
                        truth = t;
                    }
                }
                long a = System.nanoTime();
                PlateReading reading = ensemble.recognize(crop);
                double ms = (System.nanoTime() - a) / 1e6;
                Image frame = EnsembleReader.plateFrame(crop, b.line());
                a = System.nanoTime();
                Decoded recBest = wholeBest(rec, frame);
                double recMs = (System.nanoTime() - a) / 1e6;
                a = System.nanoTime();
                Decoded liteBest = wholeBest(lite, frame);
                double liteMs = (System.nanoTime() - a) / 1e6;
                System.out.println(String.join("\t", name, String.valueOf(i), f1(b.line().width()), f1(b.line().height()),
                        f3(b.line().width() / b.line().height()), f3(b.lineShareOfPhoto()), f3(r.confidence()), f1(b.mapHeight(crop)),
                        f3(iou), truth == null || iou <= 0.4 ? "" : truth.plate(),
                        reading.best().map(c -> c.text()).orElse(""), f3(reading.best().map(c -> c.confidence()).orElse(0.0)),
                        reading.flags().toString(), f1(ms),
                        recBest.text(), f3(recBest.probability()), f1(recMs), liteBest.text(), f3(liteBest.probability()), f1(liteMs),
                        f1(detMs), String.valueOf(image.width()), String.valueOf(image.height())));
            }
        }
        lite.close();
        rec.close();
        ensemble.close();
        detector.close();
    }

    private static Decoded wholeBest(TextReader reader, Image frame) {
        TextReader.Scores s = reader.read(List.of(TextReader.Line.whole(frame))).get(0);
        double[][] p = reader.alphabet(s.classes()).reduce(s.data(), s.offset(), s.steps(), s.classes());
        List<Decoded> best = CtcDecoder.kBest(p, 3, 16, Plate.MAX_LENGTH);
        return best.isEmpty() ? new Decoded("", 0, new double[0]) : best.get(0);
    }

    private static String f1(double v) {
        return String.format("%.1f", v);
    }

    private static String f3(double v) {
        return String.format("%.3f", v);
    }
}
