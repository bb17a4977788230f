package org.lpr.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlateStyleTest {

    @Test
    void printedSerial_mostlyLeavesOutIOQ_butSomeStillHaveThem() {
        SplittableRandom r = new SplittableRandom(5);
        int withLetters = 0;
        int withIoq = 0;
        for (PlateStyle style : PlateStyle.ALL.values()) {
            for (int i = 0; i < 400; i++) {
                String s = style.printedSerial(r);
                if (s.chars().anyMatch(Character::isLetter)) {
                    withLetters++;
                    if (s.chars().anyMatch(c -> c == 'I' || c == 'O' || c == 'Q')) {
                        withIoq++;
                    }
                }
            }
        }
        double share = (double) withIoq / withLetters;
        // 8 % of serials take the full alphabet and only some of those draw I, O or Q: about 2 to 3 %
        assertThat(share).isBetween(0.005, 0.05);
    }

    @Test
    void printedSerial_fullAlphabetShare_setsHowOftenIOQAppear() {
        assertThat(ioqShare(0)).isZero();
        // every serial from the whole alphabet: I, O or Q in roughly 1 - (23/26)^letters, 30 % or more
        assertThat(ioqShare(1)).isGreaterThan(0.2);
        assertThat(ioqShare(0.5)).isBetween(ioqShare(PlateStyle.FULL_ALPHABET_SHARE), ioqShare(1));
    }

    @Test
    void renderer_fullAlphabetShare_outsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().fullAlphabetShare(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    private static double ioqShare(double fullAlphabetShare) {
        SplittableRandom r = new SplittableRandom(11);
        int withLetters = 0;
        int withIoq = 0;
        for (PlateStyle style : PlateStyle.ALL.values()) {
            for (int i = 0; i < 300; i++) {
                String s = style.printedSerial(r, fullAlphabetShare);
                if (s.chars().anyMatch(Character::isLetter)) {
                    withLetters++;
                    if (s.chars().anyMatch(c -> c == 'I' || c == 'O' || c == 'Q')) {
                        withIoq++;
                    }
                }
            }
        }
        return (double) withIoq / withLetters;
    }

    @Test
    void printedSerial_sameRandomState_sameSerial() {
        PlateStyle style = PlateStyle.ALL.values().iterator().next();
        assertThat(style.printedSerial(new SplittableRandom(9))).isEqualTo(style.printedSerial(new SplittableRandom(9)));
    }
}
