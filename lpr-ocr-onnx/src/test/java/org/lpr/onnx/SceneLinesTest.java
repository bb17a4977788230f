package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRegion;
import org.lpr.onnx.DbTextDetector.TextBox;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedScene;

/** The photo detector's text boxes handed to the line reader ({@link SceneLines}) instead of a second DB pass. */
class SceneLinesTest {
    private static OnnxPlateDetector detector;
    private static EnsemblePlateRecognizer ensemble;
    /** The ensemble's engine taking the photo detector's boxes for every crop it cut, however small. */
    private static EnsembleReader alwaysScene;
    private static final List<RenderedScene> SCENES = new ArrayList<>();

    @BeforeAll
    static void load() {
        detector = OnnxPlateDetector.builder().threads(1).build();
        ensemble = EnsemblePlateRecognizer.builder().threads(1).build();
        PlateReader lines = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1),
                new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, 1), PlateReader.LINE_FINDER_HEIGHT,
                FormatRescorer.of(OcrModel.ppOcrV4().rescoring()), false, 0);
        alwaysScene = new EnsembleReader(lines, new TextReader(OcrModel.loadResource(EnsemblePlateRecognizer.PLATE_REC), 1, 1),
                0.5, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), EnsemblePlateRecognizer.LOOK_ALIKE_MERGE);
        PlateRenderer renderer = PlateRenderer.builder().seed(2718).build();
        for (int i = 0; i < 12; i++) {
            SCENES.add(renderer.renderScene(i));
        }
    }

    @AfterAll
    static void close() {
        detector.close();
        ensemble.close();
        alwaysScene.close();
    }

    @Test
    void read_photoDetectorsBoxes_readAsWithTheLineFinder() {
        // 640 x 480 scenes enlarged to the detector's 960 px; every crop read from the detector's boxes
        int compared = 0;
        int same = 0;
        int right = 0;
        int withState = 0;
        for (RenderedScene scene : SCENES) {
            PlateRegion plate = bestOverlap(detector.detect(scene.image()), scene);
            if (plate == null) {
                continue;
            }
            Image crop = plate.crop();
            assertThat(SceneLines.of(crop)).as("boxes kept for the crop the detector cut").isPresent();
            assertThat(SceneLines.of(crop).get().mapScale()).isCloseTo(1.5, within(0.05));
            // a copy of the same pixels is another object: it carries no boxes and goes through the line finder
            Image copy = TestImages.copy(crop);
            assertThat(SceneLines.of(copy)).isEmpty();
            PlateReading fromScene = alwaysScene.read(List.of(crop)).get(0);
            PlateReading fromFinder = alwaysScene.read(List.of(copy)).get(0);
            compared++;
            String text = fromScene.best().map(c -> c.text()).orElse("");
            same += text.equals(fromFinder.best().map(c -> c.text()).orElse("")) ? 1 : 0;
            right += text.equals(scene.plate().text()) ? 1 : 0;
            withState += fromScene.jurisdiction().isKnown() ? 1 : 0;
        }
        assertThat(compared).as("scenes whose plate was found").isGreaterThanOrEqualTo(10);
        assertThat(same).as("plates read alike by both paths, of %d", compared).isGreaterThanOrEqualTo(compared - 1);
        assertThat(right).as("plates read right from the photo detector's boxes, of %d", compared).isGreaterThanOrEqualTo(compared - 3);
        assertThat(withState).as("reads that tell the state from a legend in the photo detector's boxes").isGreaterThanOrEqualTo(4);
    }

    @Test
    void recognize_closeUpPlate_takesTheDetectorsBoxesAndReadsAsTheLineFinder() {
        // a 320 x 160 plate in a 640 x 480 photo: the detector sees its crop over 160 map pixels high
        PlateRenderer close = PlateRenderer.builder().seed(99).photoEffects(false).outputSize(320, 160).build();
        FormatRescorer rescorer = FormatRescorer.of(OcrModel.ppOcrV4().rescoring());
        int read = 0;
        try (PlateReader defaults = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1),
                new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, 1), PlateReader.LINE_FINDER_HEIGHT, rescorer)) {
            for (int i = 0; i < 4; i++) {
                var plate = close.render(i);
                Image photo = TestImages.placed(plate.image(), 640, 480, 160, 160, 90);
                List<PlateRegion> regions = detector.detect(photo);
                assertThat(regions).isNotEmpty();
                Image crop = regions.get(0).crop();
                assertThat(SceneLines.of(crop).get().mapHeight(crop)).isGreaterThanOrEqualTo(PlateReader.LINE_FINDER_HEIGHT);
                assertThat(defaults.sceneBoxes(crop)).as("boxes taken by default for a crop seen this large").isPresent();
                String fromScene = ensemble.recognize(crop).best().map(c -> c.text()).orElse("");
                String fromFinder = ensemble.recognize(TestImages.copy(crop)).best().map(c -> c.text()).orElse("");
                assertThat(fromScene).as("close-up %d", i).isEqualTo(fromFinder);
                read += fromScene.equals(plate.plate().text()) ? 1 : 0;
            }
        }
        assertThat(read).as("close-ups read right").isGreaterThanOrEqualTo(3);
    }

    @Test
    void sceneBoxes_smallerThanTheLineFindersHeight_leftToTheLineFinder() {
        FormatRescorer rescorer = FormatRescorer.of(OcrModel.ppOcrV4().rescoring());
        try (PlateReader defaults = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1),
                new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, 1), PlateReader.LINE_FINDER_HEIGHT, rescorer)) {
            int small = 0;
            for (RenderedScene scene : SCENES) {
                for (PlateRegion r : detector.detect(scene.image())) {
                    double h = SceneLines.of(r.crop()).get().mapHeight(r.crop());
                    assertThat(defaults.sceneBoxes(r.crop()).isPresent()).as("crop %.0f map pixels high", h)
                            .isEqualTo(h >= PlateReader.LINE_FINDER_HEIGHT);
                    small += h < PlateReader.LINE_FINDER_HEIGHT ? 1 : 0;
                }
            }
            assertThat(small).as("crops under the line finder's height").isGreaterThan(5);
            // the same photo at 1920 x 1440 is shrunk to half for detection
            Image large = Warp.resize(SCENES.get(0).image(), 1920, 1440);
            for (PlateRegion r : detector.detect(large)) {
                assertThat(SceneLines.of(r.crop()).get().mapScale()).isCloseTo(0.5, within(0.05));
            }
        }
    }

    @Test
    void framed_photoDetectorsCrop_isFramedAroundItsLineForAWholeCropReader() {
        OcrModel lite = OcrModel.loadResource(EnsemblePlateRecognizer.PLATE_LITE);
        int compared = 0;
        int framedCount = 0;
        int right = 0;
        try (PlateReader whole = new PlateReader(new TextReader(lite, 1, 1), null, PlateReader.LINE_FINDER_HEIGHT,
                FormatRescorer.of(lite.rescoring()))) {
            for (RenderedScene scene : SCENES) {
                PlateRegion plate = bestOverlap(detector.detect(scene.image()), scene);
                if (plate == null) {
                    continue;
                }
                Image crop = plate.crop();
                Image copy = TestImages.copy(crop);
                assertThat(PlateReader.framed(copy)).as("a crop the detector did not cut is read as it is").isSameAs(copy);
                Image framed = PlateReader.framed(crop);
                Quad line = SceneLines.of(crop).get().line();
                Image ensembles = EnsembleReader.plateFrame(crop, line);
                assertThat(new int[] {framed.width(), framed.height()}).as("the frame the ensemble gives its whole-crop readers")
                        .containsExactly(ensembles.width(), ensembles.height());
                compared++;
                if (framed != crop) {
                    framedCount++;
                    assertThat(framed.width()).as("as wide as the line at least").isGreaterThanOrEqualTo((int) Math.floor(Math.min(line.width(), crop.width())));
                    assertThat(framed.width() * (long) framed.height()).isLessThan(crop.width() * (long) crop.height());
                }
                right += whole.read(List.of(crop)).get(0).best().map(c -> c.text()).orElse("").equals(scene.plate().text()) ? 1 : 0;
            }
        }
        assertThat(compared).as("scenes whose plate was found").isGreaterThanOrEqualTo(10);
        assertThat(framedCount).as("detector crops framed tighter, of %d", compared).isGreaterThanOrEqualTo(compared / 2);
        assertThat(right).as("plates plate-lite reads right from the frames, of %d", compared).isGreaterThanOrEqualTo(compared - 1);
    }

    private static PlateRegion bestOverlap(List<PlateRegion> regions, RenderedScene scene) {
        PlateRegion plate = null;
        double best = 0;
        for (PlateRegion r : regions) {
            double iou = r.polygon().boundingBoxIoU(scene.outline());
            if (iou > best) {
                best = iou;
                plate = r;
            }
        }
        return plate;
    }

    @Test
    void boxesInside_rotatedPlate_givesBoxesInCropCoordinates() {
        double angle = Math.toRadians(20);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        Quad plate = new Quad(300, 200, ux, uy, 100, 50);
        // a box 40 x 16 whose centre lies 30 along the plate's width and 10 down its height from the centre
        Quad inside = plate.reshaped(30, 10, 20, 8);
        Quad outside = plate.reshaped(150, 0, 20, 8);
        // a box across the plate's right edge: clipped to the crop
        Quad acrossEdge = plate.reshaped(90, -20, 20, 8);
        List<TextBox> boxes = OnnxPlateDetector.boxesInside(
                List.of(new TextBox(inside, 0.9), new TextBox(outside, 0.9), new TextBox(acrossEdge, 0.8)), plate, 200, 100);
        assertThat(boxes).hasSize(2);
        Quad q = boxes.get(0).quad();
        assertThat(q.cx()).isCloseTo(130, within(1e-6));
        assertThat(q.cy()).isCloseTo(60, within(1e-6));
        assertThat(q.width()).isCloseTo(40, within(1e-6));
        assertThat(q.height()).isCloseTo(16, within(1e-6));
        assertThat(boxes.get(0).score()).isEqualTo(0.9);
        Quad clipped = boxes.get(1).quad();
        assertThat(clipped.maxX()).isCloseTo(200, within(1e-6));
        assertThat(clipped.minX()).isCloseTo(170, within(1e-6));
        assertThat(clipped.cy()).isCloseTo(30, within(1e-6));
    }

    @Test
    void sceneLinesMinHeight_notANumber_isNamed() {
        String old = System.getProperty("lpr.onnx.sceneLinesMinHeight");
        try {
            assertThat(PlateReader.sceneLinesMinHeight(128)).as("default: the line finder's height").isEqualTo(old == null ? 128 : Double.parseDouble(old));
            System.setProperty("lpr.onnx.sceneLinesMinHeight", "fine");
            assertThatThrownBy(() -> PlateReader.sceneLinesMinHeight(160)).isInstanceOf(LprException.class)
                    .hasMessageContaining("-Dlpr.onnx.sceneLinesMinHeight=fine");
            System.setProperty("lpr.onnx.sceneLinesMinHeight", "-1");
            assertThatThrownBy(() -> PlateReader.sceneLinesMinHeight(160)).isInstanceOf(LprException.class).hasMessageContaining("at least 0");
            System.setProperty("lpr.onnx.sceneLinesMinHeight", "0");
            assertThat(PlateReader.sceneLinesMinHeight(160)).isEqualTo(0);
        } finally {
            if (old == null) {
                System.clearProperty("lpr.onnx.sceneLinesMinHeight");
            } else {
                System.setProperty("lpr.onnx.sceneLinesMinHeight", old);
            }
        }
    }
}
