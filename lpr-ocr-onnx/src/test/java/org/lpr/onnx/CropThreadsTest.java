package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.synth.PlateRenderer;

/**
 * The crops of one call are read on several threads at once ({@link LazyRecognizer}): the readings are those of one
 * thread, in the callers' order, whatever the number of threads and parts, and a recognizer closed and used again
 * makes its threads again.
 */
class CropThreadsTest {
    /** Seven renders with camera effects: an odd count, so that three threads get parts of different sizes. */
    private static final PlateRenderer RENDERER = PlateRenderer.builder().seed(42).build();
    private static final List<Image> CROPS = LongStream.range(0, 7).mapToObj(i -> RENDERER.render(i).image()).toList();

    private static List<PlateReading> oneByOne(PlateRecognizer r) {
        return CROPS.stream().map(r::recognize).toList();
    }

    @Test
    void ensemble_readingsOnThreeThreads_equalThoseOnOne_inOrder_andAfterClose() {
        List<PlateReading> one;
        try (EnsemblePlateRecognizer r = EnsemblePlateRecognizer.builder().threads(1).build()) {
            one = r.recognizeAll(CROPS);
            assertThat(oneByOne(r)).isEqualTo(one);
        }
        // renders the models read: the comparison below would hold trivially for empty readings
        assertThat(one).filteredOn(p -> !p.isEmpty()).hasSizeGreaterThanOrEqualTo(6);
        try (EnsemblePlateRecognizer r = EnsemblePlateRecognizer.builder().threads(3).build()) {
            assertThat(r.recognizeAll(CROPS)).isEqualTo(one);
            assertThat(r.recognizeAll(CROPS.subList(0, 2))).isEqualTo(one.subList(0, 2));
            r.close();
            assertThat(r.recognizeAll(CROPS)).isEqualTo(one);
        }
    }

    @Test
    void ppocr_readingsOnTwoThreads_equalThoseOnOne() {
        List<PlateReading> one;
        try (OnnxPlateRecognizer r = OnnxPlateRecognizer.builder().threads(1).build()) {
            one = r.recognizeAll(CROPS);
        }
        try (OnnxPlateRecognizer r = OnnxPlateRecognizer.builder().threads(2).build()) {
            assertThat(r.recognizeAll(CROPS)).isEqualTo(one);
            assertThat(oneByOne(r)).isEqualTo(one);
        }
    }
}
