package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;

/**
 * A fixed-slot model laid out as fast-plate-ocr's (uint8 NHWC RGB input, slots x alphabet output) runs through the
 * descriptor path end to end. The model, {@code slots/band-slots.onnx} (made by {@code make_band_model.py} beside it),
 * tells each slot's class from the mean red value of one of eight column bands, so an image of bands spells a known text.
 */
class FixedSlotModelTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_";

    /** A 128x64 image whose k-th 16-pixel band has red 7 x (class of text[k]) and blue 255 minus that; pad after the text. */
    private static Image bands(String text) {
        int w = 128;
        int h = 64;
        byte[] bgr = new byte[w * h * 3];
        for (int x = 0; x < w; x++) {
            int k = x / 16;
            char c = k < text.length() ? text.charAt(k) : '_';
            int red = 7 * ALPHABET.indexOf(c);
            for (int y = 0; y < h; y++) {
                int i = (y * w + x) * 3;
                bgr[i] = (byte) (255 - red);
                bgr[i + 1] = (byte) 128;
                bgr[i + 2] = (byte) red;
            }
        }
        return Image.ofBgr(w, h, bgr);
    }

    /** Whether {@code t} is {@code best} with one character replaced, or with the pad slot read as one more character. */
    private static boolean oneSlotApart(String t, String best) {
        if (t.length() == best.length() + 1) {
            return t.startsWith(best);
        }
        if (t.length() != best.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < t.length(); i++) {
            diff += t.charAt(i) == best.charAt(i) ? 0 : 1;
        }
        return diff == 1;
    }

    private static OcrModel descriptor(Path dir, String colour) throws Exception {
        Path d = dir.resolve("band-" + colour + ".properties");
        Files.writeString(d, """
                name=band-slots
                model=classpath:/org/lpr/onnx/slots/band-slots.onnx
                input.height=64
                input.width=128
                input.layout=NHWC
                input.type=uint8
                input.colour=%s
                alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_
                decoding=slots
                slots.pad=_
                rescore.swaps=false
                rescore.dropEnds=false
                """.formatted(colour));
        return OcrModel.load(d);
    }

    @Test
    void uint8NhwcRgbSlotModel_readsTheTextItsInputSpells_padLeftOut(@TempDir Path dir) throws Exception {
        try (OnnxPlateRecognizer r = OnnxPlateRecognizer.builder().model(descriptor(dir, "rgb")).findLines(false).threads(1).build()) {
            PlateReading reading = r.recognize(bands("ABC1234"));
            assertThat(reading.candidates().get(0).text()).isEqualTo("ABC1234");
            assertThat(reading.characterConfidences()).hasSize(7).allSatisfy(c -> assertThat(c).isGreaterThan(0.9));
            // a real k-best over the slots (no look-alike swaps or dropped ends added): the runners-up are the best with
            // one slot at a neighbouring class, each less likely than the best
            List<String> texts = reading.candidates().stream().map(c -> c.text()).toList();
            assertThat(texts).doesNotHaveDuplicates().hasSizeGreaterThan(1);
            assertThat(texts.subList(1, texts.size())).allSatisfy(t -> assertThat(oneSlotApart(t, "ABC1234")).isTrue());
            assertThat(reading.candidates().get(1).confidence()).isLessThan(reading.candidates().get(0).confidence());
            assertThat(r.recognize(bands("7XK245")).candidates().get(0).text()).isEqualTo("7XK245");
        }
    }

    @Test
    void sameModelDescribedAsBgr_getsTheChannelsSwapped_andReadsAnotherText(@TempDir Path dir) throws Exception {
        try (OnnxPlateRecognizer r = OnnxPlateRecognizer.builder().model(descriptor(dir, "bgr")).findLines(false).threads(1).build()) {
            assertThat(r.recognize(bands("ABC1234")).candidates().get(0).text()).isNotEqualTo("ABC1234");
        }
    }
}
