package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotDecoderTest {
    private static double[] slot(char a, double pa, char b, double pb) {
        double[] s = new double[Alphabet.SIZE];
        s[a == '_' ? 0 : Alphabet.reducedOf(a)] += pa;
        s[b == '_' ? 0 : Alphabet.reducedOf(b)] += pb;
        return s;
    }

    @Test
    void kBest_enumeratesAssignmentsBestFirst_andDropsPads() {
        double[][] p = {slot('A', 0.9, '4', 0.1), slot('8', 0.6, 'B', 0.4), slot('_', 0.8, '1', 0.2)};
        List<Decoded> k = SlotDecoder.kBest(p, 4);
        assertThat(k).extracting(Decoded::text).startsWith("A8", "AB");
        assertThat(k.get(0).probability()).isCloseTo(0.9 * 0.6 * 0.8, within(1e-9));
        assertThat(k.get(0).charConfidences()).containsExactly(new double[] {0.9, 0.6}, within(1e-9));
        assertThat(k).extracting(Decoded::text).doesNotHaveDuplicates();
    }
}
