package org.lpr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lpr.store.StoreFixtures.DAY0;
import static org.lpr.store.StoreFixtures.FIXED;
import static org.lpr.store.StoreFixtures.MOBILE;
import static org.lpr.store.StoreFixtures.ODESSA;
import static org.lpr.store.StoreFixtures.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.InvalidPlateException;
import org.lpr.core.StoreException;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;

/** What the store does beyond the contract kit, run against SQLite and PostgreSQL alike. */
abstract class ReadStoreBehaviourTest {
    protected JdbcReadStore store;

    /** A store over a new, empty database; {@link #reopen()} opens the same one again. */
    protected abstract JdbcReadStore openNew();

    protected abstract JdbcReadStore reopen();

    /** A plain JDBC connection to the same database, for looking at its tables. */
    protected abstract Connection raw() throws SQLException;

    /** Names of the read tables (reads_...) in the database. */
    protected abstract Set<String> readTables() throws SQLException;

    @BeforeEach
    void open() {
        store = openNew();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ReadQuery query(String pattern, boolean tolerant, Instant from, Instant to, int limit) {
        return new ReadQuery(Optional.of(PlatePattern.of(pattern)), tolerant, from, to, Set.of(), Set.of(), Optional.empty(), limit, 0);
    }

    @Test
    void find_roundTripsEveryField() {
        PlateRead odd = StoreFixtures.oddRead(DAY0);
        store.saveAll(List.of(odd));
        assertThat(store.find(odd.id())).contains(odd);
        store.close();
        store = reopen();
        assertThat(store.find(odd.id())).contains(odd);
    }

    @Test
    void saveAll_idAlreadyStoredOnAnotherDayOrRepeatedInTheBatch_isIgnored() {
        PlateRead first = read("DUP111", DAY0);
        PlateRead sameIdLater = new PlateRead(first.id(), first.plate(), 0.5, 0.5, first.candidates(), first.polygon(),
                DAY0.plus(Duration.ofDays(3)), first.camera(), first.location(), first.images());
        PlateRead other = read("DUP222", DAY0);
        store.saveAll(List.of(first, other, other));
        store.saveAll(List.of(sameIdLater));
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.find(first.id())).contains(first);
        store.close();
        store = reopen();
        store.saveAll(List.of(sameIdLater, other));
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void reopen_rebuildsThePartialPlateIndexFromTheDatabase() {
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            reads.add(read(String.format("7XK%03d", i), DAY0.plus(Duration.ofMinutes(17L * i))));
        }
        store.saveAll(reads);
        ReadQuery q = query("7XK*9", false, DAY0, DAY0.plus(Duration.ofDays(10)), 100);
        ReadPage before = store.search(q);
        assertThat(before.reads()).hasSize(30);
        store.close();
        store = reopen();
        assertThat(store.count()).isEqualTo(300);
        assertThat(store.search(q)).isEqualTo(before);
        PlateRead after = read("7XK999", DAY0.plus(Duration.ofDays(9)));
        store.saveAll(List.of(after));
        assertThat(store.search(q).reads()).first().isEqualTo(after);
    }

    @Test
    void search_randomQueries_agreeWithBruteForce() {
        Random r = new Random(42);
        List<PlateRead> reads = new ArrayList<>();
        String chars = "0ODQ18BS5AX7K2Z";
        for (int i = 0; i < 1500; i++) {
            Camera camera = StoreFixtures.CAMERAS.get(r.nextInt(3));
            Optional<GeoPoint> where = r.nextInt(10) == 0 ? Optional.empty()
                    : Optional.of(new GeoPoint(38.9 + r.nextDouble() * 0.3, -94.2 + r.nextDouble() * 0.4));
            reads.add(read(StoreFixtures.plate(r, chars), camera, DAY0.plusSeconds(i * 173L), where));
        }
        for (int i = 0; i < reads.size(); i += 250) {
            store.saveAll(reads.subList(i, i + 250));
        }
        for (int n = 0; n < 120; n++) {
            String pattern = WildcardPatternTest.randomPattern(r, reads.get(r.nextInt(reads.size())).plate().text());
            boolean tolerant = r.nextBoolean();
            Instant from = DAY0.plusSeconds(r.nextInt(100_000));
            Instant to = from.plusSeconds(20_000 + r.nextInt(200_000));
            Set<String> cameras = r.nextInt(4) == 0 ? Set.of("car-17", "x' OR '1'='1") : Set.of();
            Set<CameraKind> kinds = r.nextInt(4) == 0 ? Set.of(CameraKind.FIXED, CameraKind.PORTABLE) : Set.of();
            Optional<ReadQuery.Area> area = switch (r.nextInt(4)) {
                case 0 -> Optional.of(new ReadQuery.Radius(ODESSA, 8_000));
                case 1 -> Optional.of(new ReadQuery.Box(new GeoPoint(38.95, -94.1), new GeoPoint(39.1, -93.9)));
                default -> Optional.empty();
            };
            int limit = 1 + r.nextInt(20);
            int offset = r.nextInt(3) * limit;
            ReadQuery q = new ReadQuery(Optional.of(PlatePattern.of(pattern)), tolerant, from, to, cameras, kinds, area, limit, offset);
            List<PlateRead> all = reads.stream()
                    .filter(x -> WildcardPatternTest.expected(pattern, tolerant, x.plate().text()))
                    .filter(x -> !x.capturedAt().isBefore(from) && x.capturedAt().isBefore(to))
                    .filter(x -> cameras.isEmpty() || cameras.contains(x.camera().id()))
                    .filter(x -> kinds.isEmpty() || kinds.contains(x.camera().kind()))
                    .filter(x -> area.isEmpty() || x.location().map(area.get()::contains).orElse(false))
                    .sorted(Comparator.comparing(PlateRead::capturedAt).reversed())
                    .collect(Collectors.toList());
            List<PlateRead> want = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            ReadPage page = store.search(q);
            assertThat(page.reads()).as("query %s", q).containsExactlyElementsOf(want);
            assertThat(page.hasMore()).as("hasMore of %s", q).isEqualTo(all.size() > offset + limit);
        }
    }

    @Test
    void search_tolerant_coversEveryConfusionClass() {
        store.saveAll(List.of(read("O1Z5G8", DAY0), read("D1L2S6B", DAY0), read("QIZSGB", DAY0), read("AAAAAA", DAY0),
                read("A7TU", DAY0)));
        Instant to = DAY0.plusSeconds(1);
        assertThat(store.search(query("01256B", true, DAY0, to, 10)).reads()).extracting(x -> x.plate().text())
                .containsExactlyInAnyOrder("O1Z5G8", "QIZSGB");
        assertThat(store.search(query("*1L*", true, DAY0, to, 10)).reads()).extracting(x -> x.plate().text())
                .containsExactlyInAnyOrder("D1L2S6B");
        assertThat(store.search(query("01256B", false, DAY0, to, 10)).reads()).isEmpty();
        assertThat(store.search(query("4TTV", true, DAY0, to, 10)).reads()).extracting(x -> x.plate().text())
                .containsExactly("A7TU");
    }

    @Test
    void purge_dropsWholeDayTables_andKeepsLaterDays() throws SQLException {
        for (int d = 0; d < 3; d++) {
            store.saveAll(List.of(read("DAY" + d + "A", DAY0.plus(Duration.ofDays(d)).plusSeconds(3600)),
                    read("DAY" + d + "B", DAY0.plus(Duration.ofDays(d)).plusSeconds(7200))));
        }
        assertThat(readTables()).contains("reads_20260501", "reads_20260502", "reads_20260503");
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofDays(2)))).isEqualTo(4);
        assertThat(readTables()).doesNotContain("reads_20260501", "reads_20260502").contains("reads_20260503");
        assertThat(store.count()).isEqualTo(2);
        store.close();
        store = reopen();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void purge_insideADay_deletesOnlyEarlierUnheldReads() {
        PlateRead early = read("EARLY1", DAY0.plusSeconds(3600));
        PlateRead heldEarly = read("EARLY2", DAY0.plusSeconds(3700));
        PlateRead late = read("LATE11", DAY0.plus(Duration.ofHours(20)));
        store.saveAll(List.of(early, heldEarly, late));
        assertThat(store.hold(List.of(heldEarly.id()), "CR-26-0001")).isEqualTo(1);
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofHours(12)))).isEqualTo(1);
        assertThat(store.find(early.id())).isEmpty();
        assertThat(store.search(query("*L*", false, DAY0, DAY0.plus(Duration.ofDays(1)), 10)).reads())
                .containsExactly(late, heldEarly);
    }

    @Test
    void heldRead_outlivesItsDay_isSearchable_andGoesAfterRelease() throws SQLException {
        PlateRead held = read("HOLD42", DAY0.plusSeconds(60));
        PlateRead twin = read("HOLD43", DAY0.plusSeconds(61));
        store.saveAll(List.of(held, twin));
        assertThat(store.hold(List.of(held.id(), held.id()), "CR-26-0042")).isEqualTo(1);
        assertThat(store.hold(List.of(held.id()), "GJ-SUBPOENA-7")).isEqualTo(1);
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(readTables()).doesNotContain("reads_20260501");
        ReadQuery q = query("HOLD4?", false, DAY0, DAY0.plus(Duration.ofDays(1)), 10);
        assertThat(store.search(q).reads()).containsExactly(held);
        store.close();
        store = reopen();
        assertThat(store.search(q).reads()).containsExactly(held);
        assertThat(store.release("CR-26-0042")).isEqualTo(1);
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofDays(31)))).as("still held by the subpoena").isZero();
        assertThat(store.release("GJ-SUBPOENA-7")).isEqualTo(1);
        assertThat(store.purgeBefore(DAY0.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(store.count()).isZero();
        assertThat(store.search(q).reads()).isEmpty();
    }

    @Test
    void lateReadForAPurgedDay_andItsHeldTwin_pageTogetherNewestFirst() {
        PlateRead held = read("LATE01", DAY0.plusSeconds(100));
        store.saveAll(List.of(held));
        store.hold(List.of(held.id()), "CR-1");
        store.purgeBefore(DAY0.plus(Duration.ofDays(1)));
        PlateRead late = read("LATE02", DAY0.plusSeconds(200));
        PlateRead older = read("LATE03", DAY0.plusSeconds(50));
        store.saveAll(List.of(late, older));
        ReadQuery q = new ReadQuery(Optional.of(PlatePattern.of("LATE*")), false, DAY0, DAY0.plus(Duration.ofDays(1)),
                Set.of(), Set.of(), Optional.empty(), 2, 0);
        ReadPage first = store.search(q);
        assertThat(first.reads()).containsExactly(late, held);
        assertThat(first.hasMore()).isTrue();
        assertThat(store.search(q.nextPage()).reads()).containsExactly(older);
    }

    @Test
    void hostileInput_isDataOrAClearError() throws SQLException {
        PlateRead r = read("ABC123", DAY0);
        store.saveAll(List.of(r));
        for (String camera : List.of("x' OR '1'='1", "fixed-1'; DROP TABLE holds; --", "fixed-1\" OR 1=1 --", "%", "_")) {
            ReadQuery q = new ReadQuery(Optional.empty(), false, DAY0, DAY0.plusSeconds(1), Set.of(camera), Set.of(), Optional.empty(), 10, 0);
            assertThat(store.search(q).reads()).as(camera).isEmpty();
        }
        assertThat(store.hold(List.of("' OR 1=1 --"), "CR'; DROP TABLE reads_held; --")).isZero();
        assertThat(store.find("' OR '1'='1")).isEmpty();
        assertThat(store.count()).isEqualTo(1);
        assertThat(readTables()).contains("reads_held", "reads_20260501");
        for (String raw : List.of("7XK%", "7XK_4", "' OR 1=1 --", "AB\u0000C", "\uFF21\uFF22\uFF23", "A".repeat(5000), "ABC\\")) {
            assertThatThrownBy(() -> ReadQuery.forPlate(raw, DAY0, DAY0.plusSeconds(1)))
                    .as(raw.length() > 20 ? "long" : raw).isInstanceOf(InvalidPlateException.class).hasMessageContaining("plate pattern");
        }
        assertThatThrownBy(() -> store.search(ReadQuery.forPlate("**??", DAY0, DAY0.plusSeconds(1))))
                .isInstanceOf(InvalidPlateException.class).hasMessageContaining("only wildcards");
        Set<String> many = new java.util.HashSet<>();
        for (int i = 0; i < 1001; i++) {
            many.add("cam-" + i);
        }
        assertThatThrownBy(() -> store.search(new ReadQuery(Optional.empty(), false, DAY0, DAY0.plusSeconds(1), many, Set.of(),
                Optional.empty(), 10, 0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001 cameras");
        assertThatThrownBy(() -> store.search(new ReadQuery(Optional.empty(), false, DAY0, DAY0.plusSeconds(1), Set.of(), Set.of(),
                Optional.empty(), 10, 2_000_000))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page offset 2000000");
        assertThatThrownBy(() -> store.hold(List.of(r.id()), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hold reference");
    }

    @Test
    void saveAll_captureOutsideStorableRange_isRefusedAndNothingIsSaved() {
        PlateRead fine = read("FINE11", DAY0);
        PlateRead ancient = read("OLD111", Instant.parse("1500-01-01T00:00:00Z"));
        assertThatThrownBy(() -> store.saveAll(List.of(fine, ancient))).isInstanceOf(StoreException.class)
                .hasMessageContaining(ancient.id()).hasMessageContaining("1500-01-01");
        assertThat(store.count()).isZero();
    }

    @Test
    void schema_isVersioned_andANewerSchemaIsRefused() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT version, description FROM schema_version ORDER BY version");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }
        store.close();
        store = reopen();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*) FROM schema_version");
            rs.next();
            assertThat(rs.getInt(1)).as("migrations are not applied twice").isEqualTo(1);
            s.executeUpdate("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 'x')");
        }
        store.close();
        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class).hasMessageContaining("version 99")
                .hasMessageContaining("upgrade the SDK");
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM schema_version WHERE version = 99");
        }
        store = reopen();
    }

    @Test
    void secondStoreOnTheSameDatabase_isRefused() {
        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class).hasMessageContaining("open in another store");
    }

    @Test
    void concurrentIngestAndSearch_loseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int b = 0; b < 20; b++) {
                        List<PlateRead> batch = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            batch.add(read("W" + writer + "B" + b + "X" + i % 10, DAY0.plusSeconds(writer * 100_000L + b * 100L + i)));
                        }
                        store.saveAll(batch);
                    }
                }));
            }
            for (int s = 0; s < 2; s++) {
                work.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        ReadPage page = store.search(query("W*X?", false, DAY0, DAY0.plus(Duration.ofDays(3)), 50));
                        assertThat(page.reads()).allSatisfy(x -> assertThat(x.plate().text()).startsWith("W"));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.count()).isEqualTo(2_000);
        assertThat(store.search(query("W1B19X*", false, DAY0, DAY0.plus(Duration.ofDays(3)), 100)).reads()).hasSize(50);
    }

    @Test
    void builder_reportsEveryBadSettingTogether_andHidesThePassword() {
        assertThatThrownBy(() -> JdbcReadStore.postgres("mysql://x", "", "s3cret").poolSize(0).searchCacheBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolSize 0").hasMessageContaining("searchCacheBytes -1")
                .hasMessageContaining("must start with jdbc:postgresql:").hasMessageContaining("user is missing")
                .hasMessageNotContaining("s3cret");
        assertThat(JdbcReadStore.postgres("jdbc:postgresql://h/db?password=s3cret", "lpr", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void search_byArea_excludesReadsWithoutLocation() {
        store.saveAll(List.of(read("NOLOC1", MOBILE, DAY0, Optional.empty()), read("ATODSA", FIXED, DAY0, Optional.of(ODESSA))));
        ReadQuery q = new ReadQuery(Optional.empty(), false, DAY0, DAY0.plusSeconds(1), Set.of(), Set.of(),
                Optional.of(new ReadQuery.Radius(ODESSA, 100)), 10, 0);
        assertThat(store.search(q).reads()).extracting(x -> x.plate().text()).containsExactly("ATODSA");
    }
}
