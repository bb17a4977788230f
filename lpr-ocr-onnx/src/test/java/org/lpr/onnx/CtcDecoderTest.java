package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    /** One timestep: probability {@code p} on {@code c} (or the blank for ' '), the rest on the blank. */
    private static double[] step(char c, double p) {
        double[] s = new double[Alphabet.SIZE];
        if (c == ' ') {
            s[0] = 1;
            return s;
        }
        s[Alphabet.reducedOf(c)] = p;
        s[0] = 1 - p;
        return s;
    }

    private static double[] mix(char a, double pa, char b, double pb) {
        double[] s = new double[Alphabet.SIZE];
        s[Alphabet.reducedOf(a)] = pa;
        s[Alphabet.reducedOf(b)] = pb;
        s[0] = 1 - pa - pb;
        return s;
    }

    @Test
    void kBest_ambiguousStep_givesBothReadingsWithTheirProbabilities() {
        double[][] p = {step('A', 0.99), step(' ', 1), mix('O', 0.7, '0', 0.29), step(' ', 1), step('7', 0.99)};
        List<Decoded> k = CtcDecoder.kBest(p, 5, 16, 10);
        assertThat(k.get(0).text()).isEqualTo("AO7");
        assertThat(k.get(1).text()).isEqualTo("A07");
        assertThat(k.get(0).probability()).isCloseTo(0.99 * 0.7 * 0.99, within(1e-6));
        assertThat(k.get(1).probability()).isCloseTo(0.99 * 0.29 * 0.99, within(1e-6));
        assertThat(k.stream().map(Decoded::text).distinct().count()).isEqualTo(k.size());
    }

    @Test
    void kBest_repeatedCharacter_needsABlankBetween() {
        double[][] joined = {step('1', 1), step('1', 1)};
        double[][] apart = {step('1', 1), step(' ', 1), step('1', 1)};
        assertThat(CtcDecoder.kBest(joined, 1, 16, 10).get(0).text()).isEqualTo("1");
        assertThat(CtcDecoder.kBest(apart, 1, 16, 10).get(0).text()).isEqualTo("11");
    }

    @Test
    void kBest_sumsEveryAlignmentOfAText() {
        // "B" can come from step 0 or step 1 (or both, collapsed)
        double[][] p = {step('B', 0.5), step('B', 0.5)};
        Decoded best = CtcDecoder.kBest(p, 3, 16, 10).get(0);
        assertThat(best.text()).isEqualTo("B");
        assertThat(best.probability()).isCloseTo(0.5 * 0.5 + 0.5 * 0.5 + 0.5 * 0.5, within(1e-9));
    }

    @Test
    void confidences_arePerCharacterFromTheAlignedSteps() {
        double[][] p = {step('X', 0.9), step(' ', 1), step('Y', 0.6), step(' ', 1)};
        Decoded best = CtcDecoder.kBest(p, 1, 16, 10).get(0);
        assertThat(best.text()).isEqualTo("XY");
        assertThat(best.charConfidences()).containsExactly(new double[] {0.9, 0.6}, within(1e-9));
    }

    @Test
    void spans_areEachCharactersFirstAndLastAlignedStep() {
        double[][] p = {step('X', 0.9), step('X', 0.8), step(' ', 1), step(' ', 1), step('Y', 0.6), step(' ', 1)};
        assertThat(CtcDecoder.spans(p, "XY")).isDeepEqualTo(new int[][] {{0, 1}, {4, 4}});
        // more characters than steps: no alignment
        assertThat(CtcDecoder.spans(new double[][] {step('X', 1)}, "XY")).isNull();
    }

    @Test
    void kBest_neverExceedsMaxLength() {
        double[][] p = new double[12][];
        for (int i = 0; i < 12; i++) {
            p[i] = i % 2 == 0 ? step((char) ('A' + i), 0.99) : step(' ', 1);
        }
        assertThat(CtcDecoder.kBest(p, 5, 16, 4)).allSatisfy(d -> assertThat(d.text().length()).isLessThanOrEqualTo(4));
    }

    @Test
    void logProbability_equalsTheBeamSearchSumOverAlignments() {
        double[][] p = {step('B', 0.5), step('B', 0.5), mix('O', 0.6, '0', 0.3), step(' ', 1), step('7', 0.8)};
        for (Decoded d : CtcDecoder.kBest(p, 5, 32, 10)) {
            assertThat(Math.exp(CtcDecoder.logProbability(p, d.text()))).as(d.text()).isCloseTo(d.probability(), within(1e-9));
        }
    }

    @Test
    void logProbability_textLongerThanTheSteps_isImpossible() {
        double[][] p = {step('1', 1), step(' ', 1)};
        assertThat(CtcDecoder.logProbability(p, "11")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CtcDecoder.logProbability(p, "1")).isCloseTo(0, within(1e-12));
        assertThat(CtcDecoder.logProbability(p, "A#")).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
