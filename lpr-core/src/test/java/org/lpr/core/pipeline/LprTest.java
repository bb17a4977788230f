package org.lpr.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotListMatcher;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.image.Image;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;

/**
 * The pipeline's wiring: regions go to the recognizer in one batch, readings become reads carrying
 * the capture, and hot list hits become alerts delivered to every sink.
 */
class LprTest {
    private static final Camera CAMERA = new Camera("cam-1", CameraKind.MOBILE, "MO0920200");
    private static final Instant AT = Instant.parse("2026-06-01T08:00:00Z");

    /** Finds a plate wherever the image has a dark column run: a scripted plug-in for wiring tests. */
    private static final class RegionsByWidth implements PlateDetector {
        @Override
        public List<PlateRegion> detect(Image image) {
            List<PlateRegion> out = new ArrayList<>();
            for (int x = 0; x + 40 <= image.width(); x += 50) {
                out.add(new PlateRegion(Polygon.rectangle(x, 0, 40, 10), 0.9 - x / 1000.0, image.crop(x, 0, 40, 10)));
            }
            return out;
        }
    }

    /** Reads a crop by its left column's blue value, to tell crops apart: a scripted plug-in. */
    private static final class ReadsByColour implements PlateRecognizer {
        final Map<Integer, String> texts;
        int batches;

        ReadsByColour(Map<Integer, String> texts) {
            this.texts = texts;
        }

        @Override
        public PlateReading recognize(Image crop) {
            String text = texts.get(crop.bgr()[0] & 0xFF);
            if (text == null) {
                return PlateReading.empty();
            }
            return new PlateReading(List.of(new Candidate(text, 0.9), new Candidate(text + "1", 0.05)), List.of(),
                    Jurisdiction.MO, 0.7, Set.of());
        }

        @Override
        public List<PlateReading> recognizeAll(List<Image> crops) {
            batches++;
            return PlateRecognizer.super.recognizeAll(crops);
        }
    }

    private static Image twoPlates() {
        byte[] bgr = new byte[100 * 10 * 3];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 100; x++) {
                bgr[(y * 100 + x) * 3] = (byte) (x < 50 ? 10 : 20);
            }
        }
        return Image.ofBgr(100, 10, bgr);
    }

    private static HotListMatcher exactOn(String plate) {
        HotListEntry entry = HotListEntry.of("e1", plate, Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen", "CR-1");
        return read -> read.plate().text().equals(plate) ? List.of(new Hit(plate, entry, MatchKind.EXACT, 1, true)) : List.of();
    }

    @Test
    void process_readsEveryRegionInOneBatchAndCarriesTheCapture() {
        ReadsByColour recognizer = new ReadsByColour(Map.of(10, "ABC123", 20, "XYZ789"));
        Lpr lpr = Lpr.builder().detector(new RegionsByWidth()).recognizer(recognizer).build();
        LprResult result = lpr.process(twoPlates(), Capture.of(AT, CAMERA));
        assertThat(recognizer.batches).isEqualTo(1);
        assertThat(result.reads()).extracting(r -> r.plate().text()).containsExactlyInAnyOrder("ABC123", "XYZ789");
        PlateRead first = result.reads().get(0);
        assertThat(first.capturedAt()).isEqualTo(AT);
        assertThat(first.camera()).isEqualTo(CAMERA);
        assertThat(first.plate().jurisdiction()).isEqualTo(Jurisdiction.MO);
        assertThat(first.candidates()).hasSize(2);
        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void process_hotListHit_raisesAlertToEverySinkEvenWhenOneFails() {
        List<Alert> delivered = new CopyOnWriteArrayList<>();
        Lpr lpr = Lpr.builder().detector(new RegionsByWidth()).recognizer(new ReadsByColour(Map.of(10, "ABC123", 20, "XYZ789")))
                .hotListMatcher(exactOn("XYZ789"))
                .alertSink(a -> {
                    throw new IllegalStateException("MDT offline");
                })
                .alertSink(delivered::add)
                .build();
        LprResult result = lpr.process(twoPlates(), Capture.of(AT, CAMERA));
        assertThat(result.alerts()).hasSize(1);
        assertThat(delivered).containsExactlyElementsOf(result.alerts());
        assertThat(delivered.get(0).read().plate().text()).isEqualTo("XYZ789");
    }

    @Test
    void process_emptyReadings_andLowConfidence_giveNoReads() {
        Lpr lpr = Lpr.builder().detector(new RegionsByWidth()).recognizer(new ReadsByColour(Map.of(10, "ABC123")))
                .minConfidence(0.95).build();
        assertThat(lpr.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).isEmpty();
    }

    @Test
    void process_secondPass_readsAPlateOnlyItFinds_whereTheFirstPassReadNone() {
        PlateDetector nothing = image -> List.of();
        Lpr lpr = Lpr.builder().detector(nothing).secondPass(new RegionsByWidth())
                .recognizer(new ReadsByColour(Map.of(10, "ABC123", 20, "XYZ789"))).build();
        assertThat(lpr.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).extracting(r -> r.plate().text())
                .containsExactlyInAnyOrder("ABC123", "XYZ789");
        // where the first pass reads a plate that fits a format, the second detector is never asked
        int[] asked = {0};
        PlateDetector counting = image -> {
            asked[0]++;
            return new RegionsByWidth().detect(image);
        };
        PlateDetector firstOnly = image -> List.of(new PlateRegion(Polygon.rectangle(0, 0, 40, 10), 0.9, image.crop(0, 0, 40, 10)));
        Lpr fits = Lpr.builder().detector(firstOnly).secondPass(counting).recognizer(new ReadsByColour(Map.of(10, "ABC123", 20, "XYZ789")))
                .build();
        assertThat(fits.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).extracting(r -> r.plate().text()).containsExactly("ABC123");
        assertThat(asked[0]).isZero();
    }

    /** A detector that finds nothing and carries a second pass, as lpr-ocr-onnx's does: it closes that pass with itself. */
    private static final class WithOwnSecondPass implements PlateDetector {
        final Counted second = new Counted();
        int closed;

        @Override
        public List<PlateRegion> detect(Image image) {
            return List.of();
        }

        @Override
        public java.util.Optional<PlateDetector> secondPass() {
            return java.util.Optional.of(second);
        }

        @Override
        public void close() {
            closed++;
            second.closed++;
        }
    }

    /** {@link RegionsByWidth} counting its calls and closes. */
    private static final class Counted implements PlateDetector {
        int asked;
        int closed;

        @Override
        public List<PlateRegion> detect(Image image) {
            asked++;
            return new RegionsByWidth().detect(image);
        }

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void process_detectorsOwnSecondPass_isUsedByDefault_andClosedOnlyByTheDetector() {
        WithOwnSecondPass detector = new WithOwnSecondPass();
        Lpr lpr = Lpr.builder().detector(detector).recognizer(new ReadsByColour(Map.of(10, "ABC123", 20, "XYZ789"))).build();
        assertThat(lpr.secondPass()).containsSame(detector.second);
        assertThat(lpr.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).extracting(r -> r.plate().text())
                .containsExactlyInAnyOrder("ABC123", "XYZ789");
        assertThat(detector.second.asked).isEqualTo(1);
        lpr.close();
        assertThat(detector.closed).isEqualTo(1);
        assertThat(detector.second.closed).isEqualTo(1);
    }

    @Test
    void process_noSecondPass_turnsTheDetectorsOwnOff() {
        WithOwnSecondPass detector = new WithOwnSecondPass();
        Lpr lpr = Lpr.builder().detector(detector).noSecondPass().recognizer(new ReadsByColour(Map.of(10, "ABC123"))).build();
        assertThat(lpr.secondPass()).isEmpty();
        assertThat(lpr.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).isEmpty();
        assertThat(detector.second.asked).isZero();
        lpr.close();
        assertThat(detector.closed).isEqualTo(1);
        assertThat(detector.second.closed).isEqualTo(1);
    }

    @Test
    void process_secondPassSetOnTheBuilder_replacesTheDetectorsOwn_andIsClosedByThePipeline() {
        WithOwnSecondPass detector = new WithOwnSecondPass();
        Counted set = new Counted();
        Lpr lpr = Lpr.builder().detector(detector).secondPass(set).recognizer(new ReadsByColour(Map.of(10, "ABC123"))).build();
        assertThat(lpr.secondPass()).containsSame(set);
        assertThat(lpr.process(twoPlates(), Capture.of(AT, CAMERA)).reads()).extracting(r -> r.plate().text()).containsExactly("ABC123");
        assertThat(set.asked).isEqualTo(1);
        assertThat(detector.second.asked).isZero();
        lpr.close();
        assertThat(set.closed).isEqualTo(1);
        assertThat(detector.second.closed).isEqualTo(1);
    }

    @Test
    void close_closesEveryPart_evenWhenOneFails_andThrowsTheFirstFailure() {
        Counted second = new Counted();
        int[] recognizerClosed = {0};
        PlateDetector failing = new PlateDetector() {
            @Override
            public List<PlateRegion> detect(Image image) {
                return List.of();
            }

            @Override
            public void close() {
                throw new IllegalStateException("detector stuck");
            }
        };
        PlateRecognizer recognizer = new PlateRecognizer() {
            @Override
            public PlateReading recognize(Image crop) {
                return PlateReading.empty();
            }

            @Override
            public void close() {
                recognizerClosed[0]++;
                throw new IllegalStateException("recognizer stuck");
            }
        };
        Lpr lpr = Lpr.builder().detector(failing).secondPass(second).recognizer(recognizer).build();
        assertThatThrownBy(lpr::close).isInstanceOf(IllegalStateException.class).hasMessage("detector stuck")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("recognizer stuck"));
        assertThat(second.closed).isEqualTo(1);
        assertThat(recognizerClosed[0]).isEqualTo(1);
    }

    @Test
    void processCrop_readsTheWholeCrop() {
        Lpr lpr = Lpr.builder().detector(new RegionsByWidth()).recognizer(new ReadsByColour(Map.of(10, "ABC123"))).build();
        LprResult result = lpr.processCrop(twoPlates().crop(0, 0, 40, 10), Capture.of(AT, CAMERA));
        assertThat(result.reads()).singleElement().satisfies(r -> assertThat(r.polygon().maxX()).isEqualTo(40));
    }

    @Test
    void build_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Lpr.builder().minConfidence(2).maxCandidates(0).build())
                .isInstanceOf(LprException.class)
                .hasMessageContaining("no detector").hasMessageContaining("no recognizer")
                .hasMessageContaining("minConfidence 2.0").hasMessageContaining("maxCandidates 0");
    }

    @Test
    void discoverPlugins_withNoneOnClassPath_saysWhatToAdd() {
        assertThatThrownBy(() -> Lpr.builder().discoverPlugins())
                .isInstanceOf(LprException.class).hasMessageContaining("add lpr-ocr-onnx or lpr-ocr-opencv");
    }
}
