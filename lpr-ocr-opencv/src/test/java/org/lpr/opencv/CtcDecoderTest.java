package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Candidate;

class CtcDecoderTest {
    // labels: blank, A, B, a, 1, '-', '京'
    private final List<String> labels = List.of("<blank>", "A", "B", "a", "1", "-", "京");
    private final CtcDecoder decoder = new CtcDecoder(labels, 16);

    private static float[] frames(double[]... rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int t = 0; t < rows.length; t++) {
            for (int l = 0; l < rows[t].length; l++) {
                out[t * rows[t].length + l] = (float) rows[t][l];
            }
        }
        return out;
    }

    @Test
    void decode_repeatsWithoutBlank_collapseAndBlankSeparatesDoubles() {
        float[] p = frames(
                new double[] {0, 1, 0, 0, 0, 0, 0},
                new double[] {0, 1, 0, 0, 0, 0, 0},
                new double[] {1, 0, 0, 0, 0, 0, 0},
                new double[] {0, 1, 0, 0, 0, 0, 0},
                new double[] {0, 0, 0, 0, 1, 0, 0});
        CtcDecoder.Decoded d = decoder.decode(p, 0, 5, labels.size(), 5);
        assertThat(d.candidates().get(0).text()).isEqualTo("AA1");
        assertThat(d.candidates().get(0).confidence()).isCloseTo(1.0, within(1e-9));
        assertThat(d.characterConfidences()).hasSize(3);
    }

    @Test
    void decode_lowerCaseCountsAsUpperAndOtherLabelsAsBlank() {
        float[] p = frames(
                new double[] {0, 0.3, 0, 0.4, 0, 0.3, 0},   // A (0.3) + a (0.4) = 0.7 beats '-' folded into blank
                new double[] {0.1, 0, 0, 0, 0, 0, 0.9},     // 京 counts as blank
                new double[] {0, 0, 1, 0, 0, 0, 0});
        CtcDecoder.Decoded d = decoder.decode(p, 0, 3, labels.size(), 5);
        assertThat(d.candidates().get(0).text()).isEqualTo("AB");
        assertThat(d.candidates().get(0).confidence()).isCloseTo(0.7, within(1e-6));
        assertThat(d.candidates()).extracting(Candidate::text).contains("B");
    }

    @Test
    void decode_kBest_sumsAlignmentsAndIsDistinctAndOrdered() {
        // two frames: P(A then B) = .6*.5; P("A") = P(A,A)+P(A,blank)+P(blank,A) = .6*.3+.6*.2+.4*.3
        float[] p = frames(
                new double[] {0.4, 0.6, 0, 0, 0, 0, 0},
                new double[] {0.2, 0.3, 0.5, 0, 0, 0, 0});
        List<Candidate> c = decoder.decode(p, 0, 2, labels.size(), 10).candidates();
        assertThat(c).extracting(Candidate::text).containsExactly("A", "AB", "B");
        assertThat(c.get(0).confidence()).isCloseTo(0.6 * 0.3 + 0.6 * 0.2 + 0.4 * 0.3, within(1e-6));
        assertThat(c.get(1).confidence()).isCloseTo(0.6 * 0.5, within(1e-6));
        assertThat(c.get(2).confidence()).isCloseTo(0.4 * 0.5, within(1e-6));
    }

    @Test
    void decode_onlyBlanks_givesNoCandidates() {
        float[] p = frames(new double[] {1, 0, 0, 0, 0, 0, 0}, new double[] {0, 0, 0, 0, 0, 0.5, 0.5});
        assertThat(decoder.decode(p, 0, 2, labels.size(), 5).candidates()).isEmpty();
    }
}
