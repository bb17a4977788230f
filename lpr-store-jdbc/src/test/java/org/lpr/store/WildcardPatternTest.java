package org.lpr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lpr.core.InvalidPlateException;
import org.lpr.core.read.PlatePattern;
import org.roaringbitmap.RoaringBitmap;

class WildcardPatternTest {
    private static final String SMALL = "0ODQ18BSAX7KT4UV";

    /** Independent of the store's tables: each confusable character mapped to its class's first member. */
    static String canonical(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'D', 'Q' -> '0';
                case 'I', 'L' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'G' -> '6';
                case 'B' -> '8';
                case 'A' -> '4';
                case 'T' -> '7';
                case 'V' -> 'U';
                default -> c;
            });
        }
        return b.toString();
    }

    static boolean expected(String pattern, boolean tolerant, String plate) {
        return tolerant ? new PlatePattern(canonical(pattern)).matches(canonical(plate)) : new PlatePattern(pattern).matches(plate);
    }

    static String randomPattern(Random r, String plate) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < plate.length()) {
            int roll = r.nextInt(10);
            if (roll == 0) {
                b.append('?');
                i++;
            } else if (roll == 1) {
                b.append('*');
                i += r.nextInt(3);
            } else if (roll == 2) {
                b.append(SMALL.charAt(r.nextInt(SMALL.length())));
                i++;
            } else {
                b.append(plate.charAt(i++));
            }
        }
        if (b.chars().noneMatch(Character::isLetterOrDigit)) {
            b.append('A');
        }
        return b.length() > 10 ? b.substring(0, 10) + "" : b.toString();
    }

    @Test
    void matches_agreesWithPlatePatternOnRandomPlates() {
        Random r = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String plate = StoreFixtures.plate(r, SMALL);
            String pattern = randomPattern(r, n % 3 == 0 ? StoreFixtures.plate(r, SMALL) : plate);
            if (pattern.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            boolean tolerant = r.nextBoolean();
            WildcardPattern compiled = WildcardPattern.compile(new PlatePattern(pattern), tolerant);
            assertThat(compiled.matches(PlateAlphabet.pack(plate)))
                    .as("%s ~ %s tolerant=%s", pattern, plate, tolerant)
                    .isEqualTo(expected(pattern, tolerant, plate));
        }
    }

    @Test
    void postings_matchingEqualsBruteForce_afterAddsAndRemoves() {
        Random r = new Random(11);
        PlatePostings postings = new PlatePostings();
        List<String> plates = new ArrayList<>();
        plates.add("unused");
        for (int rid = 1; rid <= 5_000; rid++) {
            String p = StoreFixtures.plate(r, SMALL);
            plates.add(p);
            postings.add(rid, p);
        }
        RoaringBitmap removed = new RoaringBitmap();
        for (int k = 0; k < 1_000; k++) {
            int rid = 1 + r.nextInt(5_000);
            postings.remove(rid);
            removed.add(rid);
        }
        assertThat(postings.size()).isEqualTo(5_000 - removed.getCardinality());
        for (int n = 0; n < 400; n++) {
            String pattern = randomPattern(r, plates.get(1 + r.nextInt(5_000)));
            boolean tolerant = r.nextBoolean();
            RoaringBitmap want = new RoaringBitmap();
            for (int rid = 1; rid <= 5_000; rid++) {
                if (!removed.contains(rid) && expected(pattern, tolerant, plates.get(rid))) {
                    want.add(rid);
                }
            }
            assertThat(postings.matching(WildcardPattern.compile(new PlatePattern(pattern), tolerant)))
                    .as("%s tolerant=%s", pattern, tolerant).isEqualTo(want);
        }
    }

    @Test
    void compile_onlyWildcards_isRefusedWithAClearMessage() {
        assertThatThrownBy(() -> WildcardPattern.compile(PlatePattern.of("*?*"), false))
                .isInstanceOf(InvalidPlateException.class)
                .hasMessageContaining("'*?*'").hasMessageContaining("only wildcards");
    }

    @Test
    void confusionClasses_areTheHotListEngines() {
        for (String cls : List.of("0ODQ", "1IL", "2Z", "5S", "6G", "8B", "4A", "7T", "UV")) {
            int first = PlateAlphabet.canonical(PlateAlphabet.code(cls.charAt(0)));
            for (char c : cls.toCharArray()) {
                assertThat(PlateAlphabet.canonical(PlateAlphabet.code(c))).as("class of %s", c).isEqualTo(first);
            }
        }
        assertThat(PlateAlphabet.canonical(PlateAlphabet.code('K'))).isEqualTo(PlateAlphabet.code('K'));
        assertThat(PlateAlphabet.canonical(PlateAlphabet.code('0'))).isNotEqualTo(PlateAlphabet.canonical(PlateAlphabet.code('8')));
        assertThat(PlateAlphabet.unpack(PlateAlphabet.pack("Z9Y8X7W6V5"))).isEqualTo("Z9Y8X7W6V5");
    }
}
