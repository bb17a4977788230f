package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

/**
 * The contract every {@link ReadStore} keeps. Implementations extend this class and supply a new,
 * empty store over real storage.
 */
public abstract class ReadStoreContract {
    /** Noon UTC on the first day the fixture reads are captured. */
    protected static final Instant DAY0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final Camera FIXED = new Camera("fixed-1", CameraKind.FIXED, "MO0920200");
    private static final Camera MOBILE = new Camera("car-17", CameraKind.MOBILE, "MO0920200");
    private static final GeoPoint ODESSA = new GeoPoint(38.9992, -93.9530);
    private static final GeoPoint KC = new GeoPoint(39.0997, -94.5786);

    /** The store under test. */
    protected ReadStore store;

    /** A new, empty store over real storage. */
    protected abstract ReadStore createStore();

    @BeforeEach
    void open() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A read of {@code text} by {@code camera} at {@code at}, at {@code where}. */
    protected static PlateRead read(String text, Camera camera, Instant at, GeoPoint where) {
        return new PlateRead(PlateRead.newId(), Plate.of(text, Jurisdiction.MO), 0.95, 0.8,
                List.of(new Candidate(text, 0.95), new Candidate(text.replace('0', 'O'), 0.03)),
                Polygon.rectangle(100, 200, 140, 45), at, camera, Optional.of(where), List.of());
    }

    private static ReadQuery query(String plate, Instant from, Instant to) {
        return ReadQuery.forPlate(plate, from, to);
    }

    private static ReadQuery anyPlate(Instant from, Instant to) {
        return new ReadQuery(Optional.empty(), false, from, to, Set.of(), Set.of(), Optional.empty(), 100, 0);
    }

    @Test
    void saveAll_thenFind_returnsTheSameRead() {
        PlateRead r = read("ABC1234", FIXED, DAY0, ODESSA);
        store.saveAll(List.of(r));
        assertThat(store.find(r.id())).contains(r);
        assertThat(store.find("no-such-id")).isEmpty();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void saveAll_sameIdTwice_keepsOne() {
        PlateRead r = read("ABC1234", FIXED, DAY0, ODESSA);
        store.saveAll(List.of(r));
        store.saveAll(List.of(r));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void search_exactPlate_findsOnlyThatPlateNewestFirst() {
        PlateRead older = read("ABC1234", FIXED, DAY0, ODESSA);
        PlateRead newer = read("ABC1234", MOBILE, DAY0.plusSeconds(60), KC);
        store.saveAll(List.of(older, newer, read("ABC1235", FIXED, DAY0, ODESSA)));
        ReadPage page = store.search(query("ABC1234", DAY0.minusSeconds(1), DAY0.plusSeconds(3600)));
        assertThat(page.reads()).containsExactly(newer, older);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void search_wildcards_matchPartialPlates() {
        store.saveAll(List.of(read("7XK2145", FIXED, DAY0, ODESSA), read("7XK94", FIXED, DAY0, ODESSA),
                read("8XK2145", FIXED, DAY0, ODESSA), read("7XKA4", FIXED, DAY0, ODESSA)));
        Instant from = DAY0.minusSeconds(1);
        Instant to = DAY0.plusSeconds(1);
        assertThat(store.search(query("7XK*4", from, to)).reads()).extracting(r -> r.plate().text())
                .containsExactlyInAnyOrder("7XK94", "7XKA4");
        assertThat(store.search(query("?XK2145", from, to)).reads()).extracting(r -> r.plate().text())
                .containsExactlyInAnyOrder("7XK2145", "8XK2145");
        assertThat(store.search(query("7XK*", from, to)).reads()).hasSize(3);
    }

    @Test
    void search_tolerant_findsConfusableReads() {
        store.saveAll(List.of(read("ABC1O34", FIXED, DAY0, ODESSA), read("XYZ9999", FIXED, DAY0, ODESSA)));
        ReadQuery q = new ReadQuery(Optional.of(PlatePattern.of("ABC1034")), true, DAY0.minusSeconds(1), DAY0.plusSeconds(1),
                Set.of(), Set.of(), Optional.empty(), 100, 0);
        assertThat(store.search(q).reads()).extracting(r -> r.plate().text()).containsExactly("ABC1O34");
        assertThat(store.search(query("ABC1034", DAY0.minusSeconds(1), DAY0.plusSeconds(1))).reads()).isEmpty();
    }

    @Test
    void search_timeRange_isInclusiveExclusive() {
        store.saveAll(List.of(read("AAA111", FIXED, DAY0, ODESSA), read("AAA111", FIXED, DAY0.plusSeconds(10), ODESSA)));
        assertThat(store.search(query("AAA111", DAY0, DAY0.plusSeconds(10))).reads()).extracting(PlateRead::capturedAt)
                .containsExactly(DAY0);
    }

    @Test
    void search_byCameraAndKindAndArea_filters() {
        store.saveAll(List.of(read("AAA111", FIXED, DAY0, ODESSA), read("BBB222", MOBILE, DAY0, KC)));
        Instant from = DAY0.minusSeconds(1);
        Instant to = DAY0.plusSeconds(1);
        ReadQuery base = anyPlate(from, to);
        assertThat(store.search(base).reads()).hasSize(2);
        ReadQuery byCamera = new ReadQuery(Optional.empty(), false, from, to, Set.of("car-17"), Set.of(), Optional.empty(), 100, 0);
        assertThat(store.search(byCamera).reads()).extracting(r -> r.plate().text()).containsExactly("BBB222");
        ReadQuery byKind = new ReadQuery(Optional.empty(), false, from, to, Set.of(), Set.of(CameraKind.FIXED), Optional.empty(), 100, 0);
        assertThat(store.search(byKind).reads()).extracting(r -> r.plate().text()).containsExactly("AAA111");
        ReadQuery byRadius = new ReadQuery(Optional.empty(), false, from, to, Set.of(), Set.of(),
                Optional.of(new ReadQuery.Radius(ODESSA, 5_000)), 100, 0);
        assertThat(store.search(byRadius).reads()).extracting(r -> r.plate().text()).containsExactly("AAA111");
        ReadQuery byBox = new ReadQuery(Optional.empty(), false, from, to, Set.of(), Set.of(),
                Optional.of(new ReadQuery.Box(new GeoPoint(39.05, -94.7), new GeoPoint(39.2, -94.4))), 100, 0);
        assertThat(store.search(byBox).reads()).extracting(r -> r.plate().text()).containsExactly("BBB222");
    }

    @Test
    void search_paging_walksEveryReadOnce() {
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            reads.add(read("PAGE" + i, FIXED, DAY0.plusSeconds(i), ODESSA));
        }
        store.saveAll(reads);
        ReadQuery q = new ReadQuery(Optional.of(PlatePattern.of("PAGE*")), false, DAY0.minusSeconds(1), DAY0.plusSeconds(100),
                Set.of(), Set.of(), Optional.empty(), 10, 0);
        List<PlateRead> seen = new ArrayList<>();
        ReadPage page;
        do {
            page = store.search(q);
            seen.addAll(page.reads());
            q = q.nextPage();
        } while (page.hasMore());
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0).capturedAt()).isEqualTo(DAY0.plusSeconds(24));
    }

    @Test
    void purgeBefore_keepsHeldReadsAndNewerReads() {
        PlateRead old = read("OLD111", FIXED, DAY0, ODESSA);
        PlateRead held = read("HELD22", FIXED, DAY0, ODESSA);
        PlateRead fresh = read("NEW333", FIXED, DAY0.plus(Duration.ofDays(40)), ODESSA);
        store.saveAll(List.of(old, held, fresh));
        assertThat(store.hold(List.of(held.id(), "no-such-id"), "CR-26-0042")).isEqualTo(1);
        long purged = store.purgeBefore(DAY0.plus(Duration.ofDays(30)));
        assertThat(purged).isEqualTo(1);
        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(held.id())).contains(held);
        assertThat(store.find(fresh.id())).contains(fresh);
    }

    @Test
    void release_thenPurge_removesFormerlyHeldReads() {
        PlateRead held = read("HELD22", FIXED, DAY0, ODESSA);
        store.saveAll(List.of(held));
        store.hold(List.of(held.id()), "CR-26-0042");
        assertThat(store.release("CR-26-0042")).isEqualTo(1);
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(store.count()).isZero();
    }
}
