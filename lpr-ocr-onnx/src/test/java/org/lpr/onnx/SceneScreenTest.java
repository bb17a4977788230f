package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateReading.Flag;
import org.lpr.core.spi.PlateRegion;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.StreetScene;

/** The scene screen ({@link SceneScreen}): long text lines of a photo are not read, implausible readings are dropped, plain crops are untouched. */
class SceneScreenTest {
    private static OnnxPlateDetector detector;
    private static EnsemblePlateRecognizer screened;
    private static EnsemblePlateRecognizer unscreened;

    @BeforeAll
    static void load() {
        detector = OnnxPlateDetector.builder().threads(1).build();
        screened = EnsemblePlateRecognizer.builder().threads(1).sceneScreen(true).build();
        unscreened = EnsemblePlateRecognizer.builder().threads(1).sceneScreen(false).build();
    }

    @AfterAll
    static void close() {
        detector.close();
        screened.close();
        unscreened.close();
    }

    @Test
    void recognizeAll_streetSceneWithSigns_keepsThePlateAndSkipsOrDropsTheRest() {
        // a rendered street scene not used to train anything (lpr-synth street renderer, seed 9, as
        // DatasetWriter --street writes index 96000010): plates 438HEN and a small 9179CD among shop and road signs
        StreetScene scene = PlateRenderer.builder().seed(9).sceneSize(640, 480).build().renderStreetScene(96_000_010L);
        List<String> plates = scene.plates().stream().map(p -> p.plate().text()).toList();
        List<PlateRegion> regions = detector.detect(scene.image());
        List<Image> crops = regions.stream().map(PlateRegion::crop).toList();
        List<PlateReading> on = screened.recognizeAll(crops);
        List<PlateReading> off = unscreened.recognizeAll(crops);

        assertThat(on).hasSize(crops.size());
        List<String> platesReadOff = texts(off).stream().filter(plates::contains).toList();
        assertThat(platesReadOff).as("plates the unscreened recognizer reads").isNotEmpty();
        assertThat(texts(on)).as("still read when screened").containsAll(platesReadOff);
        int skipped = 0;
        int dropped = 0;
        for (int i = 0; i < crops.size(); i++) {
            Quad line = SceneLines.of(crops.get(i)).orElseThrow().line();
            String offText = off.get(i).best().map(Candidate::text).orElse("");
            if (line.width() > SceneScreen.MAX_LINE_ASPECT * line.height()) {
                assertThat(on.get(i).isEmpty()).as("crop %d, a line %.1f times as wide as tall, not read", i, line.width() / line.height()).isTrue();
                skipped += offText.isEmpty() ? 0 : 1;
            } else if (!off.get(i).isEmpty() && offText.length() < SceneScreen.MIN_CHARACTERS) {
                assertThat(on.get(i).isEmpty()).as("crop %d read '%s' unscreened: dropped", i, offText).isTrue();
                dropped++;
            } else if (offText.length() > SceneScreen.MAX_CHARACTERS && off.get(i).flags().contains(PlateReading.Flag.LOW_QUALITY)) {
                assertThat(on.get(i).isEmpty()).as("crop %d read '%s', LOW_QUALITY, unscreened: dropped", i, offText).isTrue();
            } else {
                // everything else is exactly what the unscreened recognizer reads
                assertThat(on.get(i)).as("crop %d", i).isEqualTo(off.get(i));
            }
        }
        assertThat(skipped).as("long lines that the unscreened recognizer reads as text").isGreaterThanOrEqualTo(1);
        assertThat(dropped).as("one-character readings").isGreaterThanOrEqualTo(1);
        assertThat(off).as("unscreened, every crop is read").allMatch(r -> !r.isEmpty());
    }

    @Test
    void kept_implausibleReadingOfADetectorCrop_isDropped_plainCropUntouched() {
        Image detectorCrop = Image.ofBgr(64, 32, new byte[64 * 32 * 3]);
        SceneLines.remember(detectorCrop, new SceneLines.Boxes(List.of(), 1, new Quad(32, 16, 1, 0, 20, 8), 0.05));
        Image plainCrop = Image.ofBgr(64, 32, new byte[64 * 32 * 3]);

        PlateReading oneChar = reading("E", EnumSet.of(Flag.LOW_QUALITY));
        PlateReading dateStamp = reading("2014062104", EnumSet.of(Flag.LOW_QUALITY, Flag.NO_FORMAT_MATCH));
        PlateReading longButClear = reading("5VCF20377", EnumSet.of(Flag.NO_FORMAT_MATCH));
        PlateReading plate = reading("438HEN", EnumSet.noneOf(Flag.class));

        assertThat(SceneScreen.kept(detectorCrop, oneChar).isEmpty()).isTrue();
        assertThat(SceneScreen.kept(detectorCrop, dateStamp).isEmpty()).isTrue();
        assertThat(SceneScreen.kept(detectorCrop, longButClear)).isEqualTo(longButClear);
        assertThat(SceneScreen.kept(detectorCrop, plate)).isEqualTo(plate);
        for (PlateReading r : List.of(oneChar, dateStamp, longButClear, plate)) {
            assertThat(SceneScreen.kept(plainCrop, r)).as("a plain crop is reported as read").isEqualTo(r);
        }
    }

    @Test
    void kept_plateDetCrops_areScreenedToo() {
        // plate-det's crops carry no text lines, but they are cut from a photo: rule 2 applies to their readings
        StreetScene scene = PlateRenderer.builder().seed(9).sceneSize(640, 480).build().renderStreetScene(96_000_010L);
        List<PlateRegion> regions;
        try (OnnxPlateDetector plateDet = OnnxPlateDetector.builder().model(PlateDetModel.standard()).threads(1).build()) {
            regions = plateDet.detect(scene.image());
        }
        assertThat(regions).isNotEmpty();
        PlateReading oneChar = reading("E", EnumSet.of(Flag.LOW_QUALITY));
        PlateReading plate = reading("438HEN", EnumSet.noneOf(Flag.class));
        for (PlateRegion r : regions) {
            assertThat(SceneLines.of(r.crop())).isEmpty();
            assertThat(SceneScreen.cutFromPhoto(r.crop())).isTrue();
            assertThat(SceneScreen.kept(r.crop(), oneChar).isEmpty()).isTrue();
            assertThat(SceneScreen.kept(r.crop(), plate)).isEqualTo(plate);
        }
    }

    @Test
    void skips_onlyDetectorCropsWithLongLines() {
        Image longLine = Image.ofBgr(120, 20, new byte[120 * 20 * 3]);
        SceneLines.remember(longLine, new SceneLines.Boxes(List.of(), 1, new Quad(60, 10, 1, 0, 52, 5), 0.02));
        Image serial = Image.ofBgr(120, 40, new byte[120 * 40 * 3]);
        SceneLines.remember(serial, new SceneLines.Boxes(List.of(), 1, new Quad(60, 20, 1, 0, 40, 10), 0.05));
        assertThat(SceneScreen.skips(longLine)).as("10.4:1").isTrue();
        assertThat(SceneScreen.skips(serial)).as("4:1").isFalse();
        assertThat(SceneScreen.skips(Image.ofBgr(120, 20, new byte[120 * 20 * 3]))).as("a plain crop").isFalse();
    }

    @Test
    void property_turnsTheScreenOff_andABadValueIsNamed() {
        String before = System.getProperty("lpr.onnx.sceneScreen");
        try {
            System.setProperty("lpr.onnx.sceneScreen", "false");
            assertThat(SceneScreen.enabledByDefault()).isFalse();
            System.setProperty("lpr.onnx.sceneScreen", "TRUE");
            assertThat(SceneScreen.enabledByDefault()).isTrue();
            System.setProperty("lpr.onnx.sceneScreen", "maybe");
            assertThatThrownBy(EnsemblePlateRecognizer::builder).isInstanceOf(LprException.class)
                    .hasMessageContaining("-Dlpr.onnx.sceneScreen=maybe");
        } finally {
            if (before == null) {
                System.clearProperty("lpr.onnx.sceneScreen");
            } else {
                System.setProperty("lpr.onnx.sceneScreen", before);
            }
        }
    }

    private static List<String> texts(List<PlateReading> readings) {
        return readings.stream().map(r -> r.best().map(Candidate::text).orElse("")).toList();
    }

    private static PlateReading reading(String text, Set<Flag> flags) {
        return new PlateReading(List.of(new Candidate(text, 0.3)), List.of(), Jurisdiction.UNKNOWN, 0, flags);
    }
}
