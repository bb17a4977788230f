package org.lpr.onnx;

import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.ContractScene;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;
import org.lpr.synth.RenderedScene;

/**
 * The plates and scenes these tests read, from lpr-synth's renderer: plain (the plate's art, legend,
 * slogan and serial; no stickers, stacked characters or other distractors), frontal and without camera
 * effects, as a reader or finder of any kind should read them; seeded, so every run sees the same pixels.
 */
final class TestPlates {
    /** Never rendered for the shipped models' training (seed 1) or validation (seeds 2 and 3). */
    private static final long SEED = 77;
    private static final PlateRenderer SCENES = plain().build();

    private TestPlates() {
    }

    /** A renderer of plain, frontal plates without camera effects, seeded with {@link #SEED}. */
    private static PlateRenderer.Builder plain() {
        return PlateRenderer.builder().seed(SEED).photoEffects(false).distractors(false);
    }

    /** A spec for {@code text} whose state and layout follow from the text. */
    private static PlateSpec spec(String text) {
        List<Jurisdiction> states = SCENES.jurisdictions();
        long seed = text.hashCode();
        return PlateSpec.of(text, states.get(Math.floorMod(seed, states.size())), seed);
    }

    /** A 320x160 crop of the plate showing {@code text}. */
    static Image crop(String text) {
        return crop(text, 320);
    }

    /** A {@code width x width/2} crop of the plate showing {@code text}. */
    static Image crop(String text, int width) {
        return plain().outputSize(width, width / 2).build().render(spec(text)).image();
    }

    /** The plate showing {@code text} cut to its serial line, as a tight plate finder or a line finder would cut it. */
    static Image serial(String text) {
        return SCENES.renderSerial(spec(text)).image();
    }

    /** A 640x480 scene holding the plate that shows {@code text}, upright, at a size and place that follow from the text. */
    static ContractScene scene(String text) {
        RenderedScene s = SCENES.renderScene(spec(text));
        return new ContractScene(s.image(), s.outline(), s.plate().text());
    }
}
