package org.lpr.core.hotlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.testing.MutableClock;

class HotListsTest {
    private static final HotListEntry STOLEN = HotListEntry.of("n1", "ABC1234", Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen", "");

    private static HotLists of(HotListEntry... entries) {
        return HotLists.builder().entries("ncic", List.of(entries)).build();
    }

    @Test
    void match_readOnNoList_returnsNoHit() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.MO, "XYZ9876"))).isEmpty();
    }

    @Test
    void match_sameCharactersAndState_returnsExactVerifiedHit() {
        List<Hit> hits = of(STOLEN).match(Reads.read(Jurisdiction.MO, "ABC1234"));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.match()).isEqualTo(MatchKind.EXACT);
            assertThat(h.score()).isEqualTo(1.0);
            assertThat(h.stateVerified()).isTrue();
            assertThat(h.entry()).isEqualTo(STOLEN);
        });
    }

    @Test
    void match_otherState_returnsNoHit() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.KS, "ABC1234"))).isEmpty();
    }

    @Test
    void match_unknownReadState_returnsStateUnverifiedHit() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.UNKNOWN, "ABC1234")))
                .singleElement().satisfies(h -> assertThat(h.stateVerified()).isFalse());
    }

    @Test
    void match_entryOfUnknownState_hitsReadsOfAnyState() {
        HotListEntry any = HotListEntry.of("a1", "ABC1234", Jurisdiction.UNKNOWN, ListType.AMBER_ALERT, "amber", "");
        assertThat(of(any).match(Reads.read(Jurisdiction.TX, "ABC1234"))).hasSize(1);
    }

    @Test
    void match_confusedCharacter_returnsConfusionHit() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.MO, "A8C1234")))
                .singleElement().satisfies(h -> {
                    assertThat(h.match()).isEqualTo(MatchKind.CONFUSABLE);
                    assertThat(h.score()).isLessThan(1.0);
                });
    }

    @Test
    void match_confusedCharacterInShortRead_returnsNoHitByDefault() {
        HotListEntry shortPlate = HotListEntry.of("s1", "AB123", Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen", "");
        assertThat(of(shortPlate).match(Reads.read(Jurisdiction.MO, "A8123"))).isEmpty();
    }

    @Test
    void match_twoConfusedCharacters_returnsNoHitByDefault() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.MO, "A8CI234"))).isEmpty();
    }

    @Test
    void match_oneEditOnListWithoutEdits_returnsNoHit() {
        assertThat(of(STOLEN).match(Reads.read(Jurisdiction.MO, "ABC123"))).isEmpty();
    }

    @Test
    void match_oneEditOnListThatEnablesIt_returnsEditHit() {
        HotListEntry amber = HotListEntry.of("a1", "ABC1234", Jurisdiction.MO, ListType.AMBER_ALERT, "amber", "");
        HotLists lists = HotLists.builder().rule(ListType.AMBER_ALERT, MatchRule.DEFAULT.withEditDistance1(6))
                .entries("amber", List.of(amber)).build();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC12345"))).singleElement()
                .satisfies(h -> assertThat(h.match()).isEqualTo(MatchKind.EDIT_DISTANCE_1));
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC134"))).singleElement()
                .satisfies(h -> assertThat(h.match()).isEqualTo(MatchKind.EDIT_DISTANCE_1));
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABX1234"))).singleElement()
                .satisfies(h -> assertThat(h.match()).isEqualTo(MatchKind.EDIT_DISTANCE_1));
    }

    @Test
    void match_customListExactOnly_ignoresConfusions() {
        HotListEntry custom = HotListEntry.of("c1", "ABC1234", Jurisdiction.MO, ListType.CUSTOM, "case 25-1", "25-1");
        HotLists lists = HotLists.builder().rule(ListType.CUSTOM, MatchRule.EXACT_ONLY).entries("custom", List.of(custom)).build();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "A8C1234"))).isEmpty();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC1234"))).hasSize(1);
    }

    @Test
    void match_expiredEntry_neverMatches() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        HotListEntry expiring = STOLEN.withExpiry(Instant.parse("2025-01-02T00:00:00Z"));
        HotLists lists = HotLists.builder().clock(clock).entries("ncic", List.of(expiring)).build();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC1234"))).hasSize(1);
        clock.set(Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC1234"))).isEmpty();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "A8C1234"))).isEmpty();
    }

    @Test
    void match_partialEntry_matchesThroughWildcards() {
        HotListEntry witness = HotListEntry.of("w1", "7XK*4", Jurisdiction.UNKNOWN, ListType.CRIMINAL_INVESTIGATION, "witness", "25-7");
        HotListEntry oneUnknown = HotListEntry.of("w2", "AB?12", Jurisdiction.UNKNOWN, ListType.CRIMINAL_INVESTIGATION, "witness", "25-8");
        HotLists lists = of(witness, oneUnknown);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "7XK9904"))).extracting(Hit::entry).containsExactly(witness);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "7XK4"))).extracting(Hit::entry).containsExactly(witness);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABZ12"))).extracting(Hit::entry).containsExactly(oneUnknown);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "AB12"))).isEmpty();
    }

    @Test
    void match_everyCandidate_reportsEachEntryOnceWithBestMatch() {
        HotListEntry other = HotListEntry.of("n2", "XYZ9876", Jurisdiction.MO, ListType.STOLEN_PLATE, "stolen plate", "");
        List<Hit> hits = of(STOLEN, other).match(Reads.read(Jurisdiction.MO, "A8C1234", "ABC1234", "XYZ9876"));
        assertThat(hits).hasSize(2);
        Hit stolen = hits.stream().filter(h -> h.entry().equals(STOLEN)).findFirst().orElseThrow();
        assertThat(stolen.match()).isEqualTo(MatchKind.CONFUSABLE);
        assertThat(stolen.readText()).isEqualTo("A8C1234");
        Hit alt = hits.stream().filter(h -> h.entry().equals(other)).findFirst().orElseThrow();
        assertThat(alt.match()).isEqualTo(MatchKind.EXACT);
        assertThat(alt.score()).isLessThan(1.0);
    }

    @Test
    void match_plate_matchesSingleReading() {
        assertThat(of(STOLEN).match(Plate.of("abc-1234", Jurisdiction.MO))).hasSize(1);
    }

    @Test
    void addAndRemove_singleEntries_takeEffectWithoutRefresh() {
        HotLists lists = of(STOLEN);
        HotListEntry custom = HotListEntry.of("c1", "CUST0M1", Jurisdiction.MO, ListType.CUSTOM, "case", "25-1");
        lists.add("custom", custom);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "CUST0M1"))).hasSize(1);
        assertThat(lists.size()).isEqualTo(2);
        assertThat(lists.remove("custom", "c1")).isEqualTo(1);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "CUST0M1"))).isEmpty();
        assertThat(lists.remove("ncic", "n1")).isEqualTo(1);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC1234"))).isEmpty();
        assertThat(lists.remove("ncic", "n1")).isZero();
        assertThat(lists.size()).isZero();
    }

    @Test
    void refresh_replacesOnlyTheNamedList() {
        HotListEntry custom = HotListEntry.of("c1", "CUST0M1", Jurisdiction.MO, ListType.CUSTOM, "case", "25-1");
        HotLists lists = HotLists.builder().entries("ncic", List.of(STOLEN)).entries("custom", List.of(custom)).build();
        HotListMatcher before = lists.snapshot();
        HotListEntry replacement = HotListEntry.of("n9", "NEW0001", Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen", "");
        lists.refresh(new HotList("ncic", "test", Instant.EPOCH, List.of(replacement)));
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "ABC1234"))).isEmpty();
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "NEW0001"))).hasSize(1);
        assertThat(lists.match(Reads.read(Jurisdiction.MO, "CUST0M1"))).hasSize(1);
        assertThat(before.match(Reads.read(Jurisdiction.MO, "ABC1234"))).as("an old snapshot is unchanged").hasSize(1);
        assertThat(lists.removeList("custom")).isTrue();
        assertThat(lists.listNames()).containsExactly("ncic");
    }

    @Test
    void matchRule_invalidValues_reportsEveryProblem() {
        assertThatThrownBy(() -> new MatchRule(5, 0, true, 1, true))
                .hasMessageContaining("maxConfusable 5").hasMessageContaining("minConfusableLength 0")
                .hasMessageContaining("minEditLength 1");
    }
}
