package org.lpr.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateRegion;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.StreetScene;

/**
 * Measures the plate-det mode of {@link OnnxPlateDetector} (not a test; run with the module's test class path):
 * <ul>
 *   <li>{@code unclip N SEED WxH RATIO...}: lpr-synth street scenes {@code 0..N-1} of {@code SEED} at {@code WxH};
 *   per unclip ratio the plates found (bounding-box IoU above 0.4, as {@code lpr eval-scenes} counts), their mean
 *   IoU and the outline's width and height over the truth's (how the ratio in {@code plate-det.properties} was chosen).</li>
 *   <li>{@code time DIR THREADS}: the detection step alone, ms per image, for {@code ppocr} (the default detector) and
 *   {@code plate-det}, over every .jpg in DIR (decoded beforehand, one warm-up pass, then two timed passes).</li>
 *   <li>{@code map IMAGE OUT}: plate-det's map of one picture as little-endian float32 (to compare with
 *   {@code train_det.py}'s letterbox and PyTorch on the same picture).</li>
 * </ul>
 */
final class PlateDetCheck {
    private PlateDetCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("unclip")) {
            unclip(Integer.parseInt(args[1]), Long.parseLong(args[2]), args[3], List.of(args).subList(4, args.length));
        } else if (args[0].equals("map")) {
            try (PlateMapDetector d = new PlateMapDetector(PlateDetModel.standard(), 1)) {
                PlateMapDetector.PlateMap m = d.map(Image.read(Path.of(args[1])));
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * m.data().length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(m.data());
                Files.write(Path.of(args[2]), b.array());
                System.out.printf("map %dx%d written to %s%n", m.w(), m.h(), args[2]);
            }
        } else {
            time(Path.of(args[1]), Integer.parseInt(args[2]));
        }
    }

    private static void unclip(int n, long seed, String size, List<String> ratios) {
        String[] wh = size.split("x");
        PlateRenderer r = PlateRenderer.builder().seed(seed).sceneSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])).build();
        List<StreetScene> scenes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scenes.add(r.renderStreetScene(i));
        }
        PlateDetModel s = PlateDetModel.standard();
        for (String ratio : ratios) {
            PlateDetModel m = new PlateDetModel(s.name(), s.source(), s.inputWidth(), s.inputHeight(), s.colour(), s.mean(), s.std(),
                    s.mapScale(), s.threshold(), s.boxThreshold(), Double.parseDouble(ratio), s.cropMargin());
            try (OnnxPlateDetector d = OnnxPlateDetector.builder().model(m).threads(1).build()) {
                int plates = 0;
                int found = 0;
                double iou = 0;
                double w = 0;
                double h = 0;
                for (StreetScene sc : scenes) {
                    List<PlateRegion> regions = d.detect(sc.image());
                    for (StreetScene.Labelled p : sc.plates()) {
                        plates++;
                        PlateRegion best = null;
                        double bestIoU = 0.4;
                        for (PlateRegion g : regions) {
                            double v = g.polygon().boundingBoxIoU(p.outline());
                            if (v > bestIoU) {
                                bestIoU = v;
                                best = g;
                            }
                        }
                        if (best != null) {
                            Polygon t = p.outline();
                            found++;
                            iou += bestIoU;
                            w += (best.polygon().maxX() - best.polygon().minX()) / (t.maxX() - t.minX());
                            h += (best.polygon().maxY() - best.polygon().minY()) / (t.maxY() - t.minY());
                        }
                    }
                }
                System.out.printf("unclip %s: found %d/%d, mean IoU %.3f, width/truth %.3f, height/truth %.3f%n", ratio, found, plates,
                        iou / Math.max(1, found), w / Math.max(1, found), h / Math.max(1, found));
            }
        }
    }

    private static void time(Path dir, int threads) throws IOException {
        List<Image> images = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                images.add(Image.read(p));
            }
        }
        try (OnnxPlateDetector ppocr = OnnxPlateDetector.builder().threads(threads).build();
                OnnxPlateDetector plateDet = OnnxPlateDetector.builder().model(PlateDetModel.standard()).threads(threads).build()) {
            for (OnnxPlateDetector d : List.of(ppocr, plateDet)) {
                int regions = 0;
                for (Image im : images) {
                    regions += d.detect(im).size();
                }
                long t0 = System.nanoTime();
                for (int pass = 0; pass < 2; pass++) {
                    for (Image im : images) {
                        d.detect(im);
                    }
                }
                System.out.printf("%s: %d images, %.1f ms per image (detection alone, %d threads), %d regions%n", d.name(), images.size(),
                        (System.nanoTime() - t0) / 1e6 / (2.0 * images.size()), threads, regions);
            }
        }
    }
}
