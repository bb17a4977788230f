package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading.Flag;

class EnsembleReaderTest {
    private static double[] step(String chars, double... probs) {
        double[] s = new double[Alphabet.SIZE];
        double rest = 1;
        for (int i = 0; i < chars.length(); i++) {
            s[Alphabet.reducedOf(chars.charAt(i))] = probs[i];
            rest -= probs[i];
        }
        s[0] = rest;
        return s;
    }

    private static double[] blank() {
        return step("");
    }

    private static PlateReader.Analysis analysis(double[][] p) {
        return new PlateReader.Analysis(p, CtcDecoder.kBest(p, 10, 16, Plate.MAX_LENGTH), Jurisdiction.UNKNOWN, 0,
                EnumSet.noneOf(Flag.class));
    }

    private static EnsembleReader ensemble(boolean merge) {
        // combine() uses neither reader: it weighs distributions it is given
        return new EnsembleReader(null, null, 0.5, EnsemblePlateRecognizer.SCORED, merge);
    }

    @Test
    void combine_readingBothModelsFindLikely_beatsEachModelsOwnBest() {
        // line reader: "AB7" (0.6) or "A87" (0.4); whole-crop reader: "A87X" (0.55) or "A87" (0.45)
        double[][] line = {step("A", 0.99), blank(), step("B8", 0.6, 0.4), blank(), step("7", 0.99)};
        double[][] whole = {step("A", 0.99), step("8", 0.99), step("7", 0.99), step("X", 0.55)};
        List<Decoded> out = ensemble(false).combine(analysis(line), whole, CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH));
        assertThat(out.get(0).text()).isEqualTo("A87");
        double expected = Math.sqrt(Math.exp(CtcDecoder.logProbability(line, "A87")) * Math.exp(CtcDecoder.logProbability(whole, "A87")));
        assertThat(out.get(0).probability()).isCloseTo(expected, within(1e-9));
        // each model's own best is impossible under the other (no B, no X there): left out
        assertThat(out).extracting(Decoded::text).doesNotHaveDuplicates().doesNotContain("AB7", "A87X");
    }

    @Test
    void combine_lineReaderSureOfALetterInAWord_plateModelDecidesOAndZero() {
        // a generic reader reads the word-like "G0LF" as "GOLF"; the plate model sees a zero
        double[][] line = {step("G", 0.99), blank(), step("O0", 0.9, 0.1), blank(), step("L", 0.99), blank(), step("F", 0.99)};
        double[][] whole = {step("G", 0.99), step("0O", 0.7, 0.3), step("L", 0.99), step("F", 0.99)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        assertThat(ensemble(false).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("GOLF");
        assertThat(ensemble(true).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("G0LF");
    }

    @Test
    void mergeLookAlikes_givesBothOfAPairTheirSummedProbability() {
        double[][] merged = EnsembleReader.mergeLookAlikes(new double[][] {step("O0I", 0.5, 0.2, 0.1)});
        assertThat(merged[0][Alphabet.reducedOf('O')]).isCloseTo(0.7, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('0')]).isCloseTo(0.7, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('I')]).isCloseTo(0.1, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('1')]).isCloseTo(0.1, within(1e-12));
        assertThat(merged[0][0]).isCloseTo(0.2, within(1e-12));
    }
}
