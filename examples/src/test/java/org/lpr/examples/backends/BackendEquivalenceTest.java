package org.lpr.examples.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;
import org.lpr.onnx.OnnxPlateDetector;
import org.lpr.onnx.OnnxPlateRecognizer;
import org.lpr.opencv.DnnPlateDetector;
import org.lpr.opencv.DnnPlateRecognizer;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedPlate;
import org.lpr.synth.RenderedScene;

/**
 * The ONNX Runtime backend (lpr-ocr-onnx) and the OpenCV DNN backend (lpr-ocr-opencv) give the same
 * answers on the same rendered crops and scenes, within stated tolerances.
 *
 * <p>Both run PP-OCRv4 (lpr-ocr-onnx the project's fused copies, the same functions), but not on the same input arrays: lpr-ocr-onnx runs the
 * recognizer at a dynamic width (a crop scaled to height 48 keeps its aspect, a 240x120 crop becomes
 * 96 wide) and rescores candidates by serial formats, while OpenCV 4.9 imports the model only at a
 * fixed 48x320, so lpr-ocr-opencv pads every crop to 320 and keeps the CTC ranking as it is. The
 * detectors run the same DB model but outline different things: lpr-ocr-onnx returns the serial's
 * text line, lpr-ocr-opencv the plate estimated around that line (x1.15 wide, x2 high), so their
 * outlines nest rather than coincide (IoU only 0.39 to 0.51 on these scenes).
 *
 * <p>The crops and scenes are lpr-synth's plain plates (every state's layouts, legends and slogans,
 * no stickers, stacked characters or other distractors), frontal and without camera effects. Until
 * 2026-11-29 this test drew its own plates (one layout: a small state name over a seven-character
 * serial across the plate), on which the backends agreed more often (14/16 and 15/16 the same best
 * reading, every difference one character) and the opencv box covered 0.90 to 1.00 of the plate.
 * On lpr-synth's plates the whole-crop readers also read the legend of some (Delaware's large
 * DELAWARE: {@code 0749495} for 7479795) and the x2 estimate misses tall legends and the width
 * of short serials. Hence these tolerances, a little under what was measured when written:
 * <ul>
 *   <li>recognizer, on {@value #CROPS} rendered crops (240x120 and 320x160): each backend reads at
 *       least {@value #MIN_RIGHT} exactly (measured: opencv 27, ppocr-fast 28, ppocr 29); against
 *       each onnx reader (whole crop, {@code ppocr-fast}; line finding, {@code ppocr}, the default
 *       before {@code ensemble}) the same best reading, OpenCV's best within ONNX's top 5, and best
 *       readings more than one character apart as in {@link #WHOLE_CROP} and {@link #LINE_FINDING}.
 *       Confidences are not compared: lpr-ocr-onnx's are rescored by serial formats (seen 0.64
 *       against 0.90 for the same reading);</li>
 *   <li>detector, on {@value #SCENES} rendered 640x480 scenes: at least {@value #MIN_INSIDE} of the
 *       onnx outline's box lies inside the true plate and, on all but {@value #MAX_SCENES_OUTSIDE}, inside
 *       the opencv outline's box, and the
 *       opencv box finds the plate as {@code lpr eval-scenes} counts it, IoU over
 *       {@value #MIN_FOUND_IOU} (measured: 1.00, 1.00 and IoU 0.55 to 0.88; the share of the plate
 *       the opencv box covers, 0.58 to 0.93, is printed).</li>
 * </ul>
 * On the same input arrays the two engines agree far more tightly (probabilities within 1e-3:
 * lpr-ocr-opencv's {@code OnnxRuntimeEquivalenceTest}); this test covers each whole backend as a user gets it.
 */
class BackendEquivalenceTest {
    static final int CROPS = 32;
    static final int MIN_RIGHT = 26;
    static final int SCENES = 6;
    static final double MIN_INSIDE = 0.95;
    static final double MIN_FOUND_IOU = 0.4;

    /**
     * How closely opencv's readings must follow one onnx reader's, of {@value #CROPS} crops.
     *
     * @param minSame crops with the same best reading
     * @param minInTop5 crops where opencv's best reading is among onnx's top 5
     * @param maxFarApart crops whose best readings differ in more than one character (or in length)
     */
    private record Tolerance(int minSame, int minInTop5, int maxFarApart) {
    }

    /** Against {@code ppocr-fast}; measured when written: 29 the same, 30 in the top 5, 1 far apart (O86PWF and 08GPWF). */
    static final Tolerance WHOLE_CROP = new Tolerance(28, 28, 1);
    /**
     * Against {@code ppocr}; measured when written: 24 the same, 28 in the top 5, 3 far apart (7479795/0749495,
     * 675OWKP/675WKP, UWRIN/UWRAIN). Re-measured after lpr-synth's serials left I, O and Q out of 92 % of
     * general-issue serials (which changed the random plates): 25 the same, 28 in the top 5, 4 far apart
     * (7479795/0749495, 675ODJL/675DJL, UWRIN/UWRAIN, 3170AJY/317AJY: line finding reads the emblem
     * between two serial groups as one more character on two plates).
     */
    static final Tolerance LINE_FINDING = new Tolerance(23, 27, 4);
    /**
     * Scenes of {@value #SCENES} where the onnx outline may lie less than {@value #MIN_INSIDE} inside the
     * opencv outline: measured 1 (89116J: opencv's x2 estimate around a shorter line, 0.63 inside; its box
     * still finds the plate, IoU 0.55). The onnx outline must still lie inside the true plate on every scene.
     */
    static final int MAX_SCENES_OUTSIDE = 1;

    private static OnnxPlateRecognizer onnxWhole;
    private static OnnxPlateRecognizer onnxLines;
    private static DnnPlateRecognizer opencv;
    private static OnnxPlateDetector onnxDetector;
    private static DnnPlateDetector opencvDetector;

    @BeforeAll
    static void open() {
        onnxWhole = OnnxPlateRecognizer.builder().threads(2).findLines(false).build();
        onnxLines = OnnxPlateRecognizer.builder().threads(2).build();
        opencv = DnnPlateRecognizer.builder().threads(1).build();
        onnxDetector = OnnxPlateDetector.builder().threads(2).build();
        opencvDetector = DnnPlateDetector.builder().threads(1).build();
    }

    @AfterAll
    static void close() {
        onnxWhole.close();
        onnxLines.close();
        opencv.close();
        onnxDetector.close();
        opencvDetector.close();
    }

    private static String best(PlateReading r) {
        return r.best().map(Candidate::text).orElse("");
    }

    /**
     * lpr-synth's plain plates (no stickers, stacked characters or other distractors), frontal, without
     * camera effects; seed 77 was never rendered for the shipped models' training (1) or validation (2, 3).
     */
    private static PlateRenderer.Builder plain() {
        return PlateRenderer.builder().seed(77).photoEffects(false).distractors(false);
    }

    private static void assertSameReadings(PlateRecognizer onnx, Tolerance tolerance) {
        PlateRenderer small = plain().outputSize(240, 120).build();
        PlateRenderer large = plain().outputSize(320, 160).build();
        List<String> texts = new ArrayList<>();
        List<Image> crops = new ArrayList<>();
        for (int i = 0; i < CROPS; i++) {
            RenderedPlate p = (i % 2 == 0 ? small : large).render(i);
            texts.add(p.plate().text());
            crops.add(p.image());
        }
        List<PlateReading> a = onnx.recognizeAll(crops);
        List<PlateReading> b = opencv.recognizeAll(crops);
        int same = 0;
        int inTop5 = 0;
        int farApart = 0;
        int onnxRight = 0;
        int opencvRight = 0;
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            String ra = best(a.get(i));
            String rb = best(b.get(i));
            onnxRight += ra.equals(texts.get(i)) ? 1 : 0;
            opencvRight += rb.equals(texts.get(i)) ? 1 : 0;
            if (ra.equals(rb) && !ra.isEmpty()) {
                same++;
            } else {
                differences.add(texts.get(i) + ": onnx '" + ra + "', opencv '" + rb + "'");
                farApart += substitutions(ra, rb) > 1 ? 1 : 0;
            }
            if (!rb.isEmpty() && a.get(i).candidates().stream().limit(5).anyMatch(c -> c.text().equals(rb))) {
                inTop5++;
            }
        }
        System.out.println("[BackendEquivalence] " + onnx.name() + " vs " + opencv.name() + ": same best reading on "
                + same + "/" + crops.size() + ", opencv's best in onnx's top 5 on " + inTop5 + ", more than one character apart on "
                + farApart + ", read right by onnx " + onnxRight + " and opencv " + opencvRight + "; differences " + differences);
        assertThat(onnxRight).as("crops %s reads right; differences: %s", onnx.name(), differences).isGreaterThanOrEqualTo(MIN_RIGHT);
        assertThat(opencvRight).as("crops %s reads right; differences: %s", opencv.name(), differences).isGreaterThanOrEqualTo(MIN_RIGHT);
        assertThat(same).as("crops with the same best reading; differences: %s", differences).isGreaterThanOrEqualTo(tolerance.minSame());
        assertThat(inTop5).as("crops where opencv's best reading is among onnx's top 5").isGreaterThanOrEqualTo(tolerance.minInTop5());
        assertThat(farApart).as("crops whose best readings differ in more than one character; differences: %s", differences)
                .isLessThanOrEqualTo(tolerance.maxFarApart());
    }

    /** Positions at which two readings of the same length differ; a length mismatch counts as many. */
    private static int substitutions(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return n;
    }

    @Test
    void recognizers_wholeCrop_sameBestReading() {
        assertSameReadings(onnxWhole, WHOLE_CROP);
    }

    @Test
    void recognizers_defaultOnnxWithLineFinding_sameBestReading() {
        assertSameReadings(onnxLines, LINE_FINDING);
    }

    private static PlateRegion bestRegion(PlateDetector d, RenderedScene s) {
        List<PlateRegion> found = d.detect(s.image());
        assertThat(found).as("%s on the scene of %s", d.name(), s.plate().text()).isNotEmpty();
        return found.stream().max(Comparator.comparingDouble(r -> covered(s.outline(), r.polygon()))).orElseThrow();
    }

    @Test
    void detectors_sameScenes_onnxLineInsideOpencvPlate() {
        PlateRenderer scenes = plain().build();
        List<String> measured = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        for (int i = 0; i < SCENES; i++) {
            RenderedScene s = scenes.renderScene(100 + i);
            Polygon a = bestRegion(onnxDetector, s).polygon();
            Polygon b = bestRegion(opencvDetector, s).polygon();
            double onnxInTruth = covered(a, s.outline());
            double opencvCoversTruth = covered(s.outline(), b);
            double onnxInOpencv = covered(a, b);
            double between = a.boundingBoxIoU(b);
            double opencvFound = b.boundingBoxIoU(s.outline());
            measured.add(String.format(java.util.Locale.ROOT, "%s: onnx in truth %.2f, truth in opencv %.2f, opencv IoU with truth %.2f, onnx in opencv %.2f, IoU %.2f, onnx %s, opencv %s, truth %s",
                    s.plate().text(), onnxInTruth, opencvCoversTruth, opencvFound, onnxInOpencv, between, box(a), box(b), box(s.outline())));
            shares.add(new double[] {onnxInTruth, opencvFound, onnxInOpencv, between});
        }
        System.out.println("[BackendEquivalence] detectors: " + measured);
        int outside = 0;
        for (int i = 0; i < SCENES; i++) {
            double[] m = shares.get(i);
            assertThat(m[0]).as("share of the onnx outline inside the true plate: %s", measured.get(i)).isGreaterThanOrEqualTo(MIN_INSIDE);
            assertThat(m[1]).as("IoU of the opencv outline with the true plate: %s", measured.get(i)).isGreaterThan(MIN_FOUND_IOU);
            outside += m[2] < MIN_INSIDE ? 1 : 0;
        }
        assertThat(outside).as("scenes where the onnx outline lies less than %s inside the opencv outline: %s", MIN_INSIDE, measured)
                .isLessThanOrEqualTo(MAX_SCENES_OUTSIDE);
    }

    private static String box(Polygon p) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f..%.0f,%.0f]", p.minX(), p.minY(), p.maxX(), p.maxY());
    }

    /** The share of {@code inner}'s bounding box that lies inside {@code outer}'s bounding box. */
    private static double covered(Polygon inner, Polygon outer) {
        double w = Math.min(inner.maxX(), outer.maxX()) - Math.max(inner.minX(), outer.minX());
        double h = Math.min(inner.maxY(), outer.maxY()) - Math.max(inner.minY(), outer.minY());
        double area = (inner.maxX() - inner.minX()) * (inner.maxY() - inner.minY());
        return w <= 0 || h <= 0 ? 0 : w * h / area;
    }
}
