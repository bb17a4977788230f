package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.testing.SystemProperties;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedPlate;
import org.lpr.synth.PlateSpec;

class PlateReaderTest {
    private static PlateReader lazy;
    private static PlateReader everyLine;
    private static PlateReader withBands;

    @BeforeAll
    static void load() {
        FormatRescorer rescorer = FormatRescorer.of(OcrModel.ppOcrV4().rescoring());
        lazy = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1), new DbTextDetector(OnnxPlateDetector.DB_MODEL, 1),
                PlateReader.LINE_FINDER_HEIGHT, rescorer, false);
        everyLine = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1), new DbTextDetector(OnnxPlateDetector.DB_MODEL, 1),
                PlateReader.LINE_FINDER_HEIGHT, rescorer, true);
        withBands = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1), new DbTextDetector(OnnxPlateDetector.DB_MODEL, 1),
                PlateReader.LINE_FINDER_HEIGHT, rescorer, false, PlateReader.sceneLinesMinHeight(PlateReader.LINE_FINDER_HEIGHT), true);
    }

    @AfterAll
    static void close() {
        lazy.close();
        everyLine.close();
        withBands.close();
    }

    @Test
    void lineFinderTarget_enlargesSmallCropsToTheHeight_andTallerOnesByHalfUpToACap() {
        // a scene's small plate and a 192x96 render: brought up to the line finder's height
        assertThat(PlateReader.lineFinderTarget(40, 160)).isEqualTo(160.0);
        assertThat(PlateReader.lineFinderTarget(96, 160)).isEqualTo(160.0);
        // a 320x160 plate crop: one and a half times its pixels, never shrunk
        assertThat(PlateReader.lineFinderTarget(120, 160)).isEqualTo(180.0);
        assertThat(PlateReader.lineFinderTarget(158, 160)).isEqualTo(237.0);
        // a large crop: capped at one and a half times the line finder's height (shrunk)
        assertThat(PlateReader.lineFinderTarget(600, 160)).isEqualTo(240.0);
        assertThat(PlateReader.lineFinderTarget(600, 96)).isEqualTo(144.0);
    }

    @Test
    void analyse_readingOnlyLinesThatMatter_equalsReadingEveryLine() {
        // rendered plates with state names, slogans, stickers and side characters, some with no line at all
        PlateRenderer renderer = PlateRenderer.builder().seed(31).build();
        List<Image> crops = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            crops.add(renderer.render(i).image());
        }
        crops.add(Image.ofBgr(64, 32, new byte[64 * 32 * 3]));
        crops.add(idahoVanity()); // its serial taken over a sticker by the towering rule (serialOver)
        List<Optional<PlateReader.Analysis>> a = lazy.analyse(crops);
        List<Optional<PlateReader.Analysis>> b = everyLine.analyse(crops);
        int withState = 0;
        for (int i = 0; i < crops.size(); i++) {
            assertThat(a.get(i).isPresent()).as("crop %d read", i).isEqualTo(b.get(i).isPresent());
            if (a.get(i).isEmpty()) {
                continue;
            }
            PlateReader.Analysis x = a.get(i).get();
            PlateReader.Analysis y = b.get(i).get();
            assertThat(texts(x)).as("crop %d", i).isEqualTo(texts(y));
            assertThat(x.state()).as("crop %d", i).isEqualTo(y.state());
            assertThat(x.stateConfidence()).as("crop %d", i).isEqualTo(y.stateConfidence());
            assertThat(x.flags()).as("crop %d", i).isEqualTo(y.flags());
            assertThat(x.serialLine()).as("crop %d", i).isEqualTo(y.serialLine());
            withState += x.state().isKnown() ? 1 : 0;
        }
        assertThat(withState).as("crops whose state was told from a legend").isGreaterThan(5);
    }

    @Test
    void analyse_noLineMatchedALegend_theBandsBesideTheSerialTellTheState_andChangeNothingElse() {
        // renders of the fresh-photo set (DatasetWriter --seed 2024 --size 192x96): the first seven have a legend the line
        // finder boxes in no line that matches it, and the bands above or below the serial read it; the rest are told from a line
        PlateRenderer renderer = PlateRenderer.builder().seed(2024).outputSize(192, 96).build();
        long[] indices = {126, 222, 223, 316, 339, 390, 409, 0, 1, 2, 3, 4, 5, 6};
        List<Image> crops = new ArrayList<>();
        List<Jurisdiction> states = new ArrayList<>();
        for (long i : indices) {
            RenderedPlate plate = renderer.render(i);
            crops.add(plate.image());
            states.add(plate.plate().jurisdiction());
        }
        List<Optional<PlateReader.Analysis>> with = withBands.analyse(crops);
        List<Optional<PlateReader.Analysis>> without = lazy.analyse(crops);
        int byBands = 0;
        for (int i = 0; i < crops.size(); i++) {
            assertThat(with.get(i).isPresent()).as("crop %d read", indices[i]).isEqualTo(without.get(i).isPresent());
            if (with.get(i).isEmpty()) {
                continue;
            }
            PlateReader.Analysis a = with.get(i).get();
            PlateReader.Analysis b = without.get(i).get();
            assertThat(texts(a)).as("crop %d", indices[i]).isEqualTo(texts(b));
            assertThat(a.flags()).as("crop %d", indices[i]).isEqualTo(b.flags());
            assertThat(a.serialLine()).as("crop %d", indices[i]).isEqualTo(b.serialLine());
            if (b.state().isKnown()) {
                // a state a line told is never overridden
                assertThat(a.state()).as("crop %d", indices[i]).isEqualTo(b.state());
                assertThat(a.stateConfidence()).as("crop %d", indices[i]).isEqualTo(b.stateConfidence());
            } else if (a.state().isKnown()) {
                assertThat(a.state()).as("crop %d told by a band", indices[i]).isEqualTo(states.get(i));
                assertThat(a.stateConfidence()).isBetween(0.75, 1.0);
                byBands++;
            }
        }
        assertThat(byBands).as("renders whose state only the bands told").isGreaterThanOrEqualTo(5);
        // the same plate as a crop a photo detector cut: no bands (a photo's legends are a few pixels high)
        Image plain = renderer.render(indices[0]).image();
        assertThat(withBands.analyse(List.of(plain)).get(0).orElseThrow().state().isKnown()).isTrue();
        Image cut = renderer.render(indices[0]).image();
        SceneScreen.rememberPlateMapCrop(cut);
        assertThat(withBands.analyse(List.of(cut)).get(0).orElseThrow().state()).isEqualTo(Jurisdiction.UNKNOWN);
    }

    @Test
    void legendBandsByDefault_onUnlessFalse_anythingElseIsNamed() throws Exception {
        String p = "lpr.onnx.legendBands";
        SystemProperties.with(p, null, () -> assertThat(PlateReader.legendBandsByDefault()).isTrue());
        SystemProperties.with(p, " FALSE ", () -> assertThat(PlateReader.legendBandsByDefault()).isFalse());
        SystemProperties.with(p, "TRUE", () -> assertThat(PlateReader.legendBandsByDefault()).isTrue());
        SystemProperties.with(p, "off", () -> assertThatThrownBy(PlateReader::legendBandsByDefault).isInstanceOf(LprException.class)
                .hasMessageContaining("-Dlpr.onnx.legendBands=off must be true or false"));
    }

    @Test
    void band_besideTheSerial_inItsFrame_cutAtTheCropsEdge() {
        // an upright serial 40 px high in a 200 x 100 crop, its top at y 40: the band above is 0.05 to 0.55 heights above it
        Quad serial = new Quad(100, 60, 1, 0, 60, 20);
        Quad above = PlateReader.band(serial, -1, 200, 100);
        assertThat(above.cy()).isCloseTo(60 - 20 - 2 - 10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(above.height()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(above.width()).isCloseTo(144, org.assertj.core.data.Offset.offset(1e-9));
        // below: 20 px to the crop's bottom, 2 of them the gap: the band is cut to 18 px
        Quad below = PlateReader.band(serial, 1, 200, 100);
        assertThat(below.minY()).isCloseTo(82, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(below.maxY()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        // a serial near the crop's top leaves less than 0.2 heights above it: no band
        assertThat(PlateReader.band(new Quad(100, 28, 1, 0, 60, 20), -1, 200, 100)).isNull();
        // a tilted serial: the band lies across it, in its frame
        double c = Math.cos(0.1);
        double sn = Math.sin(0.1);
        Quad tilted = PlateReader.band(new Quad(100, 60, c, sn, 60, 20), -1, 200, 100);
        assertThat(tilted.ux()).isEqualTo(c);
        assertThat(tilted.cx() - 100).isCloseTo(32 * sn, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tilted.cy() - 60).isCloseTo(-32 * c, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static List<String> texts(PlateReader.Analysis a) {
        return a.kBest().stream().map(d -> d.text() + ":" + d.probability() + ":" + java.util.Arrays.toString(d.charConfidences())).toList();
    }

    @Test
    void lineFinderHeight_outside32To960_isNamedWhenBuilding() {
        assertThat(PlateReader.lineFinderHeightProblem(160)).isNull();
        assertThatThrownBy(() -> OnnxPlateRecognizer.builder().lineFinderHeight(20).build())
                .isInstanceOf(LprException.class).hasMessageContaining("line finder height 20").hasMessageContaining("32..960");
        assertThatThrownBy(() -> OnnxPlateRecognizer.builder().lineFinderHeight(961).build())
                .isInstanceOf(LprException.class).hasMessageContaining("line finder height 961");
    }

    @Test
    void towers_theTallestLine_atOneAndAHalfTimesTheOther() {
        List<TextLines.Line> lines = List.of(line(60), line(41), line(24));
        assertThat(PlateReader.towers(lines, 2)).isTrue();
        assertThat(PlateReader.towers(lines, 1)).isFalse();
        assertThat(PlateReader.towers(List.of(line(60), line(40)), 1)).isTrue();
    }

    @Test
    void read_vanitySerialSpellingTheStateName_isTheSerial_keyedForIdaho() {
        // "IDAHOHI" reads as the legend IDAHO; it is still the serial, as the largest text on the plate, and Idaho
        // issues no letter O (keying.txt); before 2026-11-30 the reader took a sticker for the serial here
        assertThat(lazy.read(List.of(idahoVanity())).get(0).best()).map(Candidate::text).hasValue("IDAH0HI");
    }

    private static TextLines.Line line(double height) {
        return new TextLines.Line(new Quad(100, 50, 1, 0, 80, height / 2), List.of(), 1);
    }

    private static Image idahoVanity() {
        return PlateRenderer.builder().seed(5).build().render(new PlateSpec(Plate.of("IDAHOHI", Jurisdiction.ID), "IDAHOHI", 7)).image();
    }
}
