package org.lpr.benchmarks;

import java.util.List;
import java.util.stream.LongStream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;

/**
 * Plate crops and scenes from lpr-synth's renderer, plain (the plate's art, legend, slogan and serial; no
 * stickers, stacked characters or other distractors), frontal and without camera effects, as the tests
 * read them; seeded, so benchmarks need no data files and every run measures the same pixels.
 */
final class BenchmarkPlates {
    private static final long SEED = 42;

    private BenchmarkPlates() {
    }

    private static PlateRenderer.Builder plain() {
        return PlateRenderer.builder().seed(SEED).photoEffects(false).distractors(false);
    }

    /** {@code n} {@code width x height} crops of random plates (a state's serial format, sometimes a vanity serial). */
    static List<Image> crops(int n, int width, int height) {
        PlateRenderer renderer = plain().outputSize(width, height).build();
        return LongStream.range(0, n).mapToObj(i -> renderer.render(i).image()).toList();
    }

    /** A {@code width x height} crop of the Missouri plate showing {@code text}. */
    static Image crop(String text, int width, int height) {
        return plain().outputSize(width, height).build().render(PlateSpec.of(text, Jurisdiction.MO, 1)).image();
    }

    /** A {@code width x height} picture holding the Missouri plate that shows {@code text}, upright, 70 to 220 pixels wide. */
    static Image scene(String text, int width, int height) {
        return plain().sceneSize(width, height).build().renderScene(PlateSpec.of(text, Jurisdiction.MO, 1)).image();
    }
}
