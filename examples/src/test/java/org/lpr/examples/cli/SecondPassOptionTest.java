package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;

/** When the command line's second detector pass is on, and that {@link SceneReader} uses and closes it. */
class SecondPassOptionTest {
    private static final Image PHOTO = Image.ofBgr(100, 20, new byte[100 * 20 * 3]);

    /** Scripted plug-in: finds the given x positions (30 x 10 boxes), counts its calls and closes; may own a second pass. */
    private static final class At implements PlateDetector {
        final int[] xs;
        int calls;
        int closed;
        At owned;

        At(int... xs) {
            this.xs = xs;
        }

        @Override
        public java.util.Optional<PlateDetector> secondPass() {
            return java.util.Optional.ofNullable(owned);
        }

        @Override
        public List<PlateRegion> detect(Image image) {
            calls++;
            List<PlateRegion> out = new ArrayList<>();
            for (int x : xs) {
                out.add(new PlateRegion(Polygon.rectangle(x, 0, 30, 10), 0.9, image.crop(x, 0, 30, 10)));
            }
            return out;
        }

        @Override
        public void close() {
            closed++;
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** Scripted plug-in: every crop reads ABC123, fitting a serial format. */
    private static final class Fits implements PlateRecognizer {
        @Override
        public PlateReading recognize(Image crop) {
            return new PlateReading(List.of(new Candidate("ABC123", 0.9)), List.of(), Jurisdiction.UNKNOWN, 0, Set.of());
        }
    }

    private static EngineOptions options(String backend, String detector, int[] sizes, Boolean secondPass) {
        EngineOptions o = new EngineOptions();
        o.backend = backend;
        o.detectorName = detector;
        o.detectorSizes = sizes;
        o.secondPass = secondPass;
        return o;
    }

    /** The second pass these options give beside the detector they pick. */
    private static PlateDetector secondPass(EngineOptions o) {
        PlateDetector first = o.detector();
        try {
            return o.secondPass(first);
        } finally {
            first.close();
        }
    }

    @Test
    void sceneReader_firstPassFindsNothing_theSecondDetectorsPlateIsRead_andLeftToTheFirstToClose() {
        At first = new At();
        At second = new At(50);
        first.owned = second;
        SceneReader reader = new SceneReader(first, second, new Fits(), 5);
        SceneReader.Result r = reader.process(PHOTO);
        assertThat(second.calls).isEqualTo(1);
        assertThat(r.found()).singleElement().satisfies(f -> assertThat(f.region().polygon().minX()).isEqualTo(50));
        assertThat(r.regions()).hasSize(1);
        reader.close();
        // the second pass is part of the first detector (PlateDetector.secondPass): closed once, by the first
        assertThat(first.closed).isEqualTo(1);
        assertThat(second.closed).isEqualTo(1);
    }

    @Test
    void video_runsNoSecondPass() {
        EngineOptions o = options("onnx", null, null, null);
        try (org.lpr.core.pipeline.Lpr lpr = VideoCommand.pipeline(o)) {
            assertThat(lpr.detector().secondPass()).isPresent();
            assertThat(lpr.secondPass()).isEmpty();
        }
    }

    @Test
    void secondPass_isTheDetectorsOwn() {
        EngineOptions o = options("onnx", null, null, null);
        try (PlateDetector first = o.detector()) {
            assertThat(o.secondPass(first)).isSameAs(first.secondPass().orElseThrow());
        }
    }

    @Test
    void sceneReader_firstPassReadsAPlate_theSecondDetectorIsNotAsked() {
        At second = new At(50);
        SceneReader.Result r = new SceneReader(new At(0), second, new Fits(), 5).process(PHOTO);
        assertThat(second.calls).isZero();
        assertThat(r.found()).hasSize(1);
    }

    @Test
    void secondPass_onByDefaultForOneDetectorSizeBelow1280_offOrRefusedOtherwise() {
        assertThat(secondPass(options("onnx", null, null, null))).isNotNull();
        assertThat(secondPass(options("onnx", "ppocr", new int[] {640}, null))).isNotNull();
        assertThat(secondPass(options("onnx", null, null, false))).isNull();
        assertThat(secondPass(options("opencv", null, null, null))).isNull();
        assertThat(secondPass(options("onnx", "plate-det", null, null))).isNull();
        assertThat(secondPass(options("onnx", null, new int[] {640, 960}, null))).isNull();
        assertThat(secondPass(options("onnx", null, new int[] {1280}, null))).isNull();
        assertThatThrownBy(() -> secondPass(options("onnx", null, new int[] {1280}, true))).isInstanceOf(LprException.class)
                .hasMessageContaining("--second-pass needs --backend onnx and --detector ppocr at one size below 1280, not --backend onnx, --detector ppocr at [1280]");
        assertThatThrownBy(() -> options("onnx", null, null, false).refuseSecondPass("video")).isInstanceOf(LprException.class)
                .hasMessageContaining("--[no-]second-pass applies to recognize and eval-scenes, not video");
        options("onnx", null, null, null).refuseSecondPass("video");
    }
}
