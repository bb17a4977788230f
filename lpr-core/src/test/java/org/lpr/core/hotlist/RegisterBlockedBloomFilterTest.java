package org.lpr.core.hotlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterBlockedBloomFilterTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1_000, 200_000})
    void mightContain_everyKeyAdded_isTrue(int n) {
        Random rnd = new Random(n);
        long[] keys = new long[n];
        RegisterBlockedBloomFilter.Builder b = RegisterBlockedBloomFilter.sized(n, Segment.BITS_PER_KEY);
        for (int i = 0; i < n; i++) {
            keys[i] = PlateKey.mix(rnd.nextLong());
            b.add(keys[i]);
        }
        RegisterBlockedBloomFilter f = b.build();
        for (long k : keys) {
            assertThat(f.mightContain(k)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mightContain_platesNotAdded_falsePositiveRateNearOnePercent(boolean canonical) {
        Random rnd = new Random(42);
        Set<String> added = new HashSet<>();
        while (added.size() < 200_000) {
            added.add(plate(rnd));
        }
        RegisterBlockedBloomFilter.Builder b = RegisterBlockedBloomFilter.sized(added.size(), Segment.BITS_PER_KEY);
        for (String p : added) {
            b.add(hash(p, canonical));
        }
        RegisterBlockedBloomFilter f = b.build();
        int tried = 0;
        int passed = 0;
        while (tried < 200_000) {
            String p = plate(rnd);
            if (added.contains(p)) {
                continue;
            }
            tried++;
            passed += f.mightContain(hash(p, canonical)) ? 1 : 0;
        }
        // canonical keys collide for confusable plates, which are not false positives of the filter itself
        assertThat((double) passed / tried).isBetween(0.002, canonical ? 0.03 : 0.02);
    }

    private static long hash(String plate, boolean canonical) {
        return canonical ? PlateKey.mix(PlateKey.canonical(plate)) : PlateKey.mix(plate.hashCode());
    }

    private static String plate(Random rnd) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(letters.charAt(rnd.nextInt(26)));
        }
        for (int i = 0; i < 4; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }
}
