package org.lpr.core.hotlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;

/**
 * Property tests: on random lists (full and partial plates, several states, expired entries, rules
 * that differ per list type) and random reads made from entries by injecting confusions and edits,
 * the matcher returns exactly the brute-force oracle's entries, kinds and scores.
 */
class HotListsOracleTest {
    /** Letters and digits weighted towards confusable ones so that near misses are common. */
    private static final String CHARS = "0ODQ1IL2Z5S6G8B4A7TUVXKMN3";
    private static final String ALL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Jurisdiction[] STATES = {Jurisdiction.MO, Jurisdiction.KS, Jurisdiction.UNKNOWN};
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void match_randomListsAndReads_equalsBruteForceOracle(long seed) {
        Random rnd = new Random(seed);
        Map<ListType, MatchRule> rules = randomRules(rnd);
        List<HotListEntry> entries = randomEntries(rnd, 150 + rnd.nextInt(250));
        HotLists.Builder b = HotLists.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
        rules.forEach(b::rule);
        HotLists matcher = b.entries("list", entries).build();
        MatchOracle oracle = new MatchOracle(entries, rules);

        int hitReads = 0;
        java.util.Set<MatchKind> kinds = java.util.EnumSet.noneOf(MatchKind.class);
        int partialHits = 0;
        for (int r = 0; r < 400; r++) {
            PlateRead read = randomRead(rnd, entries);
            Map<HotListEntry, Hit> expected = oracle.match(read, NOW);
            List<Hit> actual = matcher.match(read);
            assertThat(actual.stream().map(Hit::entry).distinct().count()).as("each entry once").isEqualTo(actual.size());
            assertThat(summary(actual)).as("read %s / %s", read.candidates(), read.plate().jurisdiction())
                    .isEqualTo(summary(new ArrayList<>(expected.values())));
            hitReads += expected.isEmpty() ? 0 : 1;
            expected.values().forEach(h -> kinds.add(h.match()));
            partialHits += (int) expected.keySet().stream().filter(e -> e.plate().isPartial()).count();
        }
        assertThat(hitReads).as("the generator makes reads that hit").isGreaterThan(60);
        assertThat(kinds).as("tolerant kinds are exercised").hasSizeGreaterThanOrEqualTo(2);
        assertThat(partialHits).as("partial entries are exercised").isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void match_afterAddsAndRemovals_equalsOracleOfRemainingEntries(long seed) {
        Random rnd = new Random(seed);
        Map<ListType, MatchRule> rules = randomRules(rnd);
        List<HotListEntry> base = randomEntries(rnd, 300);
        HotLists.Builder b = HotLists.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).deltaLimit(40);
        rules.forEach(b::rule);
        HotLists matcher = b.entries("base", base).build();
        Map<String, List<HotListEntry>> lists = new HashMap<>();
        lists.put("base", new ArrayList<>(base));
        for (int step = 0; step < 120; step++) {
            if (rnd.nextBoolean()) {
                HotListEntry e = randomEntries(rnd, 1).get(0);
                e = new HotListEntry("c" + step, e.plate(), e.jurisdiction(), e.listType(), e.priority(), e.reason(),
                        e.reference(), e.expiresAt(), e.attributes());
                String list = rnd.nextBoolean() ? "base" : "custom";
                matcher.add(list, e);
                lists.computeIfAbsent(list, k -> new ArrayList<>()).add(e);
            } else {
                String list = rnd.nextBoolean() ? "base" : "custom";
                List<HotListEntry> l = lists.getOrDefault(list, List.of());
                if (l.isEmpty()) {
                    continue;
                }
                String id = l.get(rnd.nextInt(l.size())).id();
                int expectedRemoved = (int) l.stream().filter(x -> x.id().equals(id)).count();
                assertThat(matcher.remove(list, id)).isEqualTo(expectedRemoved);
                l.removeIf(x -> x.id().equals(id));
            }
            List<HotListEntry> all = lists.values().stream().flatMap(List::stream).collect(Collectors.toList());
            assertThat(matcher.size()).isEqualTo(all.size());
            MatchOracle oracle = new MatchOracle(all, rules);
            for (int r = 0; r < 20; r++) {
                PlateRead read = randomRead(rnd, all);
                assertThat(summary(matcher.match(read))).isEqualTo(summary(new ArrayList<>(oracle.match(read, NOW).values())));
            }
        }
    }

    /**
     * Lists of full plates only under rules without edits: the case where a read that passes no filter
     * returns at once without a search (raw keys when every rule is exact-only, canonical keys
     * otherwise), here with single entries added beside the base so that the delta's filter is
     * consulted too.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36})
    void match_fullPlatesWithoutEditRules_equalsBruteForceOracle(long seed) {
        Random rnd = new Random(seed);
        boolean exactOnly = seed % 2 == 1;
        Map<ListType, MatchRule> rules = new EnumMap<>(ListType.class);
        for (ListType t : ListType.values()) {
            rules.put(t, exactOnly || rnd.nextBoolean() ? MatchRule.EXACT_ONLY
                    : MatchRule.DEFAULT.withConfusable(1 + rnd.nextInt(2), 3 + rnd.nextInt(5)));
        }
        List<HotListEntry> entries = new ArrayList<>(randomEntries(rnd, 600).stream().filter(e -> !e.plate().isPartial()).toList());
        HotLists.Builder b = HotLists.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).deltaLimit(1000);
        rules.forEach(b::rule);
        HotLists matcher = b.entries("list", entries.subList(0, 400)).build();
        for (HotListEntry e : entries.subList(400, entries.size())) {
            matcher.add("list", e);
        }
        MatchOracle oracle = new MatchOracle(entries, rules);
        int hitReads = 0;
        int missReads = 0;
        for (int r = 0; r < 1500; r++) {
            PlateRead read = randomRead(rnd, entries);
            Map<HotListEntry, Hit> expected = oracle.match(read, NOW);
            assertThat(summary(matcher.match(read))).as("read %s / %s", read.candidates(), read.plate().jurisdiction())
                    .isEqualTo(summary(new ArrayList<>(expected.values())));
            if (expected.isEmpty()) {
                missReads++;
            } else {
                hitReads++;
            }
        }
        assertThat(hitReads).as("reads that hit").isGreaterThan(100);
        assertThat(missReads).as("reads that hit nothing").isGreaterThan(100);
    }

    /** Entries, kinds and scores as sorted text, so that failures print readably. */
    private static List<String> summary(List<Hit> hits) {
        return hits.stream()
                .map(h -> h.entry().id() + " " + h.entry().plate() + "/" + h.entry().jurisdiction().code() + " "
                        + h.match() + " " + Math.round(h.score() * 1000) + (h.stateVerified() ? " v" : " u"))
                .sorted()
                .toList();
    }

    static Map<ListType, MatchRule> randomRules(Random rnd) {
        Map<ListType, MatchRule> rules = new EnumMap<>(ListType.class);
        for (ListType t : ListType.values()) {
            MatchRule rule = switch (rnd.nextInt(5)) {
                case 0 -> MatchRule.EXACT_ONLY;
                case 1 -> MatchRule.DEFAULT;
                case 2 -> MatchRule.DEFAULT.withConfusable(2, 4 + rnd.nextInt(3)).withEditDistance1(4 + rnd.nextInt(3));
                case 3 -> MatchRule.EXACT_ONLY.withEditDistance1(5);
                default -> MatchRule.DEFAULT.withConfusable(1 + rnd.nextInt(3), 3 + rnd.nextInt(5))
                        .withTolerantOnUnknownState(rnd.nextBoolean());
            };
            rules.put(t, rule);
        }
        return rules;
    }

    static List<HotListEntry> randomEntries(Random rnd, int n) {
        List<HotListEntry> out = new ArrayList<>();
        ListType[] types = ListType.values();
        for (int i = 0; i < n; i++) {
            String plate = randomPlate(rnd);
            if (rnd.nextInt(8) == 0) {
                plate = partialOf(rnd, plate);
            }
            ListType type = types[rnd.nextInt(types.length)];
            Optional<Instant> expiry = rnd.nextInt(10) == 0
                    ? Optional.of(NOW.plusSeconds(rnd.nextBoolean() ? -60 : 60)) : Optional.empty();
            out.add(new HotListEntry("e" + i, PlatePattern.of(plate), STATES[rnd.nextInt(STATES.length)], type,
                    type.defaultPriority(), "test", "", expiry, Map.of()));
        }
        return out;
    }

    private static String randomPlate(Random rnd) {
        int len = 3 + rnd.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append(rnd.nextInt(3) == 0 ? ALL.charAt(rnd.nextInt(ALL.length())) : CHARS.charAt(rnd.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    private static String partialOf(Random rnd, String plate) {
        StringBuilder b = new StringBuilder(plate);
        int i = rnd.nextInt(b.length());
        if (rnd.nextBoolean()) {
            b.setCharAt(i, '?');
        } else {
            int j = Math.min(b.length(), i + rnd.nextInt(3));
            b.replace(i, j, "*");
        }
        if (rnd.nextInt(4) == 0) {
            b.setCharAt(rnd.nextInt(b.length()), '?');
        }
        return b.toString();
    }

    static PlateRead randomRead(Random rnd, List<HotListEntry> entries) {
        int n = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0);
        String[] texts = new String[n];
        for (int k = 0; k < n; k++) {
            String t;
            if (entries.isEmpty() || rnd.nextInt(6) == 0) {
                t = randomPlate(rnd);
            } else {
                t = instantiate(rnd, entries.get(rnd.nextInt(entries.size())).plate().text());
                t = mutate(rnd, t);
            }
            texts[k] = t;
        }
        return Reads.read(STATES[rnd.nextInt(STATES.length)], texts);
    }

    private static String instantiate(Random rnd, String pattern) {
        StringBuilder b = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '?') {
                b.append(CHARS.charAt(rnd.nextInt(CHARS.length())));
            } else if (c == '*') {
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    b.append(CHARS.charAt(rnd.nextInt(CHARS.length())));
                }
            } else {
                b.append(c);
            }
        }
        if (b.length() == 0) {
            b.append('A');
        }
        return b.length() > 10 ? b.substring(0, 10) : b.toString();
    }

    private static String mutate(Random rnd, String t) {
        StringBuilder b = new StringBuilder(t);
        int confusions = rnd.nextInt(4);
        for (int k = 0; k < confusions; k++) {
            int i = rnd.nextInt(b.length());
            String mates = Confusions.mates(b.charAt(i));
            if (!mates.isEmpty()) {
                b.setCharAt(i, mates.charAt(rnd.nextInt(mates.length())));
            }
        }
        switch (rnd.nextInt(5)) {
            case 0 -> {
                if (b.length() > 1) {
                    b.deleteCharAt(rnd.nextInt(b.length()));
                }
            }
            case 1 -> {
                if (b.length() < 10) {
                    b.insert(rnd.nextInt(b.length() + 1), ALL.charAt(rnd.nextInt(ALL.length())));
                }
            }
            case 2 -> b.setCharAt(rnd.nextInt(b.length()), ALL.charAt(rnd.nextInt(ALL.length())));
            default -> {
            }
        }
        return b.toString();
    }
}
