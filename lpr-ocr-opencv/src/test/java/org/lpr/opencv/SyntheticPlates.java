package org.lpr.opencv;

import java.awt.image.BufferedImage;
import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.ContractScene;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.PlateSpec;
import org.lpr.synth.RenderedPlate;
import org.lpr.synth.RenderedScene;

/**
 * The plates and scenes these tests read, from lpr-synth's renderer: plain (legend, slogan and serial,
 * no stickers, stacked characters or other distractors), frontal and without camera effects, as a
 * reader or finder of any kind should read them; seeded, so every run sees the same pixels.
 */
final class SyntheticPlates {
    /** Never rendered for the shipped models' training (seed 1) or validation (seeds 2 and 3). */
    private static final long SEED = 77;
    private static final int PLATE_W = 240;
    private static final int PLATE_H = 120;
    private static final PlateRenderer CROPS = plain().outputSize(PLATE_W, PLATE_H).build();
    private static final PlateRenderer SCENES = plain().build();

    private SyntheticPlates() {
    }

    /** A renderer of plain, frontal plates without camera effects, seeded with {@link #SEED}. */
    private static PlateRenderer.Builder plain() {
        return PlateRenderer.builder().seed(SEED).photoEffects(false).distractors(false);
    }

    /** A spec for {@code text} whose state and layout follow from {@code seed}. */
    private static PlateSpec spec(String text, long seed) {
        List<Jurisdiction> states = CROPS.jurisdictions();
        return PlateSpec.of(text, states.get(Math.floorMod(seed, states.size())), seed);
    }

    /** A {@value #PLATE_W}x{@value #PLATE_H} crop of a plate showing {@code text}. */
    static Image crop(String text) {
        return CROPS.render(spec(text, text.hashCode())).image();
    }

    /** The {@value #PLATE_W}x{@value #PLATE_H} crop of random plate {@code index}: a state's serial format, sometimes a vanity serial. */
    static RenderedPlate crop(long index) {
        return CROPS.render(index);
    }

    /** A {@code w x h} plate showing {@code text}, its state and layout following from {@code seed}, to draw into a picture. */
    static BufferedImage plate(String text, int w, int h, long seed) {
        return plain().outputSize(w, h).build().render(spec(text, seed)).image().toBufferedImage();
    }

    /** A 640x480 scene holding the plate that shows {@code text}, upright, at a size and place that follow from {@code seed}. */
    static ContractScene scene(String text, long seed) {
        RenderedScene s = SCENES.renderScene(spec(text, seed));
        return new ContractScene(s.image(), s.outline(), s.plate().text());
    }
}
