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
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;

class PlateReaderTest {
    private static PlateReader lazy;
    private static PlateReader everyLine;

    @BeforeAll
    static void load() {
        FormatRescorer rescorer = FormatRescorer.of(OcrModel.ppOcrV4().rescoring());
        lazy = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1), new DbTextDetector(OnnxPlateDetector.DB_MODEL, 1),
                PlateReader.LINE_FINDER_HEIGHT, rescorer, false);
        everyLine = new PlateReader(new TextReader(OcrModel.ppOcrV4(), 1, 1), new DbTextDetector(OnnxPlateDetector.DB_MODEL, 1),
                PlateReader.LINE_FINDER_HEIGHT, rescorer, true);
    }

    @AfterAll
    static void close() {
        lazy.close();
        everyLine.close();
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
