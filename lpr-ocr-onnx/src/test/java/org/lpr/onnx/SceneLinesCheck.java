package org.lpr.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Point;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRegion;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedScene;

/**
 * Measures the scene-box path against the line finder (not a test; run with the module's test class path):
 * every crop {@link OnnxPlateDetector} cuts is read twice by one ensemble, once as cut (its {@link SceneLines}
 * boxes are used where the crop is at least {@code -Dlpr.onnx.sceneLinesMinHeight} map pixels high, here 0 unless set: always)
 * and once as a copy (a new object: the line finder runs), the two
 * interleaved, alternating which goes first. Prints one tab-separated row per crop (map height, IoU with
 * the truth, truth, both readings) and per image the two times.
 * <ul>
 *   <li>{@code synth N SEED [PAD]}: lpr-synth scenes {@code 0..N-1} of {@code SEED} (640x480), placed in a
 *   {@code PAD x 3/4 PAD} grey picture when PAD is given (the dev photos' plates are that small in the map).</li>
 *   <li>{@code close N SEED}: lpr-synth plate renders {@code 0..N-1} of {@code SEED} at 320x160 (photo effects on),
 *   each in a 640x480 grey picture: close-ups, whose crops the detector sees over 160 map pixels high.</li>
 *   <li>{@code dir DIR}: NAME.jpg with NAME.txt (file x y w h PLATE) as {@code lpr eval-scenes} reads them.</li>
 * </ul>
 */
final class SceneLinesCheck {
    private SceneLinesCheck() {
    }

    private record Truth(Polygon box, String plate, Jurisdiction state) {
    }

    private record Scene(String name, Image image, List<Truth> truths) {
    }

    public static void main(String[] args) throws Exception {
        List<Scene> scenes = new ArrayList<>();
        if (args[0].equals("synth")) {
            int n = Integer.parseInt(args[1]);
            PlateRenderer renderer = PlateRenderer.builder().seed(Long.parseLong(args[2])).build();
            int pad = args.length > 3 ? Integer.parseInt(args[3]) : 0;
            for (int i = 0; i < n; i++) {
                RenderedScene s = renderer.renderScene(i);
                Image img = s.image();
                Polygon outline = s.outline();
                if (pad > 0) {
                    int ox = (i * 97) % (pad - img.width());
                    int oy = (i * 53) % (pad * 3 / 4 - img.height());
                    img = TestImages.placed(img, pad, pad * 3 / 4, ox, oy, 110);
                    outline = new Polygon(outline.points().stream().map(p -> new Point(p.x() + ox, p.y() + oy)).toList());
                }
                scenes.add(new Scene("synth-" + i, img, List.of(new Truth(outline, s.plate().text(), s.plate().jurisdiction()))));
            }
        } else if (args[0].equals("close")) {
            int n = Integer.parseInt(args[1]);
            PlateRenderer renderer = PlateRenderer.builder().seed(Long.parseLong(args[2])).outputSize(320, 160).build();
            for (int i = 0; i < n; i++) {
                var plate = renderer.render(i);
                int ox = 20 + (i * 37) % 280;
                int oy = 20 + (i * 53) % 280;
                Image img = TestImages.placed(plate.image(), 640, 480, ox, oy, 110);
                Polygon outline = new Polygon(plate.outline().points().stream().map(p -> new Point(p.x() + ox, p.y() + oy)).toList());
                scenes.add(new Scene("close-" + i, img, List.of(new Truth(outline, plate.plate().text(), plate.plate().jurisdiction()))));
            }
        } else {
            Path dir = Path.of(args[1]);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path label : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    Optional<SceneTruthFile> file = SceneTruthFile.read(label);
                    if (file.isPresent()) {
                        List<Truth> truths = file.get().boxes().stream().map(b -> new Truth(b.box(),
                                b.plate().toUpperCase().replaceAll("[^A-Z0-9]", ""), Jurisdiction.UNKNOWN)).toList();
                        scenes.add(new Scene(file.get().image(), Image.read(dir.resolve(file.get().image())), truths));
                    }
                }
            }
        }
        if (System.getenv("WRITE") != null) {
            write(scenes, Path.of(System.getenv("WRITE")));
            return;
        }
        OnnxPlateDetector detector = OnnxPlateDetector.builder().threads(2).build();
        FormatRescorer lineRescorer = FormatRescorer.of(OcrModel.ppOcrV4().rescoring());
        PlateReader lines = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 2, 1),
                new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, 2), PlateReader.LINE_FINDER_HEIGHT, lineRescorer, false,
                Double.parseDouble(System.getProperty("lpr.onnx.sceneLinesMinHeight", "0")));
        EnsembleReader ensemble = new EnsembleReader(lines,
                new TextReader(OcrModel.loadResource(EnsemblePlateRecognizer.PLATE_REC), 2, 1), 0.5,
                FormatRescorer.of(EnsemblePlateRecognizer.SCORED), EnsemblePlateRecognizer.LOOK_ALIKE_MERGE);
        // warm both paths
        List<PlateRegion> warm = detector.detect(scenes.get(0).image());
        if (!warm.isEmpty()) {
            ensemble.read(List.of(warm.get(0).crop()));
            ensemble.read(List.of(TestImages.copy(warm.get(0).crop())));
        }
        double msFinder = 0;
        double msScene = 0;
        int images = 0;
        System.out.println("scene\tregion\tmapHeight\tiou\ttruth\ttruthState\tfinder\tfinderState\tfinderFlags\tscene\tsceneState\tsceneFlags");
        for (Scene s : scenes) {
            List<PlateRegion> regions = detector.detect(s.image());
            if (regions.isEmpty()) {
                continue;
            }
            List<Image> crops = regions.stream().map(PlateRegion::crop).toList();
            List<Image> copies = crops.stream().map(TestImages::copy).toList();
            List<PlateReading> finder;
            List<PlateReading> scene;
            long t0;
            if (images % 2 == 0) {
                t0 = System.nanoTime();
                finder = ensemble.read(copies);
                long t1 = System.nanoTime();
                scene = ensemble.read(crops);
                long t2 = System.nanoTime();
                msFinder += (t1 - t0) / 1e6;
                msScene += (t2 - t1) / 1e6;
            } else {
                t0 = System.nanoTime();
                scene = ensemble.read(crops);
                long t1 = System.nanoTime();
                finder = ensemble.read(copies);
                long t2 = System.nanoTime();
                msScene += (t1 - t0) / 1e6;
                msFinder += (t2 - t1) / 1e6;
            }
            images++;
            if (System.getenv("SERIALS") != null) {
                var fa = lines.analyse(copies);
                var sa = lines.analyse(crops);
                for (int i = 0; i < regions.size(); i++) {
                    System.out.println("# " + s.name() + " " + i + " crop " + crops.get(i).width() + "x" + crops.get(i).height()
                            + " finder " + fa.get(i).map(a -> quad(a.serialLine())).orElse("-")
                            + " scene " + sa.get(i).map(a -> quad(a.serialLine())).orElse("-")
                            + " sceneBoxes " + SceneLines.of(crops.get(i)).map(b -> b.boxes().stream().map(x -> quad(x.quad())).toList().toString()).orElse("-"));
                }
            }
            for (int i = 0; i < regions.size(); i++) {
                double iou = 0;
                Truth truth = null;
                for (Truth t : s.truths()) {
                    double v = regions.get(i).polygon().boundingBoxIoU(t.box());
                    if (v > iou) {
                        iou = v;
                        truth = t;
                    }
                }
                Image crop = crops.get(i);
                double mapHeight = SceneLines.of(crop).map(b -> b.mapHeight(crop)).orElse(-1.0);
                System.out.println(String.join("\t", s.name(), String.valueOf(i), String.format("%.1f", mapHeight),
                        String.format("%.3f", iou), truth == null ? "" : truth.plate(), truth == null ? "" : truth.state().name(),
                        text(finder.get(i)), finder.get(i).jurisdiction().name(), finder.get(i).flags().toString(),
                        text(scene.get(i)), scene.get(i).jurisdiction().name(), scene.get(i).flags().toString()));
            }
        }
        System.out.printf("# images %d, ms per image reading: line finder %.1f, scene boxes %.1f%n", images, msFinder / images, msScene / images);
        ensemble.close();
        detector.close();
    }

    /** Writes the scenes as {@code lpr eval-scenes} reads them (JPEG quality 0.95, the outline's bounding box), and {@code states.csv}. */
    private static void write(List<Scene> scenes, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        List<String> states = new ArrayList<>();
        for (Scene s : scenes) {
            Image img = s.image();
            java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(img.width(), img.height(),
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            byte[] data = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
            System.arraycopy(img.bgr(), 0, data, 0, data.length);
            javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            try (var out = javax.imageio.ImageIO.createImageOutputStream(dir.resolve(s.name() + ".jpg").toFile())) {
                w.setOutput(out);
                w.write(null, new javax.imageio.IIOImage(bi, null, null), p);
            }
            w.dispose();
            Truth t = s.truths().get(0);
            Polygon b = t.box();
            Files.writeString(dir.resolve(s.name() + ".txt"), String.format("%s.jpg\t%d\t%d\t%d\t%d\t%s%n", s.name(),
                    Math.round(b.minX()), Math.round(b.minY()), Math.round(b.maxX() - b.minX()), Math.round(b.maxY() - b.minY()), t.plate()));
            states.add(s.name() + ".jpg," + t.state().name() + "," + t.plate());
        }
        Files.write(dir.resolve("states.csv"), states);
    }

    private static String quad(Quad q) {
        return q == null ? "whole" : String.format("(%.0f,%.0f %.0fx%.0f)", q.cx(), q.cy(), q.width(), q.height());
    }

    private static String text(PlateReading r) {
        return r.best().map(c -> c.text()).orElse("");
    }
}
