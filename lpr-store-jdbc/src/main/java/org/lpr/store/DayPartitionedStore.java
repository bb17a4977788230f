package org.lpr.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.lpr.core.StoreException;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.spi.ReadStore;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's engine: reads in one table per UTC day, a table of held reads kept past their day's purge,
 * a partial-plate index per table kept in step with every commit and rebuilt from the tables on open.
 *
 * <p>Writes (ingest, holds, purges) are serialized by one writer lock; searches share the index lock
 * and run in parallel. The index changes only after the database committed.
 */
final class DayPartitionedStore implements ReadStore {
    static final String HELD_TABLE = "reads_held";
    /** The most camera ids one search may name. */
    static final int MAX_CAMERAS = 1_000;
    /** The deepest a search may page (offset plus page size). */
    static final int MAX_DEPTH = 1_000_000;
    private static final int MAX_REFERENCE = 200;
    private static final Pattern DAY_TABLE = Pattern.compile("reads_[0-9]{8}");
    private static final Logger LOG = LoggerFactory.getLogger(DayPartitionedStore.class);
    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparingLong(Row::nanos)
            .thenComparingLong(Row::rank).thenComparingInt(Row::rid).reversed();
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private record Row(long nanos, long rank, int rid, PlateRead read) {
    }

    private record CandidateKey(long partition, long generation, String pattern, boolean tolerant) {
    }

    private final Dialect dialect;
    private final ConnectionSource connections;
    private final StoreLock lock;
    private final String where;
    private final ReentrantLock writer = new ReentrantLock();
    private final ReentrantReadWriteLock index = new ReentrantReadWriteLock();
    private final NavigableMap<Long, Partition> days = new TreeMap<>();
    private final Partition held = Partition.held();
    private final Cache<CandidateKey, RoaringBitmap> candidateCache;
    private volatile boolean closed;

    private DayPartitionedStore(Dialect dialect, ConnectionSource connections, StoreLock lock, String where, long cacheBytes) {
        this.dialect = dialect;
        this.connections = connections;
        this.lock = lock;
        this.where = where;
        this.candidateCache = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((CandidateKey k, RoaringBitmap v) -> (int) Math.min(Integer.MAX_VALUE, 64 + v.getLongSizeInBytes()))
                .build();
    }

    /** Migrates the schema, then loads every partition and rebuilds its index. */
    static DayPartitionedStore open(Dialect dialect, ConnectionSource connections, StoreLock lock, String where, long cacheBytes) {
        DayPartitionedStore store = new DayPartitionedStore(dialect, connections, lock, where, cacheBytes);
        try (Connection c = connections.open()) {
            SchemaMigrations.apply(c, dialect);
            long started = System.nanoTime();
            List<Partition> loaded = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT day, table_name FROM read_partitions ORDER BY day")) {
                while (rs.next()) {
                    long day = rs.getLong(1);
                    String table = rs.getString(2);
                    if (!DAY_TABLE.matcher(table).matches() || !table.equals(Partition.tableName(day))) {
                        throw new StoreException("read_partitions lists table '" + table + "' for day " + day
                                + "; expected " + Partition.tableName(day));
                    }
                    loaded.add(Partition.ofDay(day));
                }
            }
            long reads = store.rebuild(c, store.held);
            for (Partition p : loaded) {
                reads += store.rebuild(c, p);
                store.days.put(p.day, p);
            }
            LOG.info("{} read store {} opened: {} reads in {} day partitions, index rebuilt in {} ms", dialect.name(), where,
                    reads, loaded.size(), (System.nanoTime() - started) / 1_000_000);
            return store;
        } catch (SQLException | RuntimeException e) {
            lock.close();
            connections.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open " + dialect.name() + " read store " + where + ": " + e.getMessage(), e);
        }
    }

    private long rebuild(Connection c, Partition p) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT rid, plate, id FROM " + p.table)) {
                while (rs.next()) {
                    int rid = rs.getInt(1);
                    p.postings.add(rid, rs.getString(2));
                    p.ids.add(ReadIds.hash(rs.getString(3)), rid);
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
        p.nextRid = p.postings.maxRid() + 1;
        return p.postings.size();
    }

    /** A read the store just inserted, for the index once the transaction committed. */
    private record Added(int rid, String plate, String id) {
    }

    @Override
    public void saveAll(List<PlateRead> reads) {
        requireOpen();
        Objects.requireNonNull(reads, "reads");
        if (reads.isEmpty()) {
            return;
        }
        for (PlateRead r : reads) {
            ReadColumns.capturedNanos(Objects.requireNonNull(r, "read"));
        }
        writer.lock();
        try (Connection c = connections.open()) {
            // ids already stored, on any day, are ignored; so is a repeat within the batch
            Map<Long, List<PlateRead>> byDay = new TreeMap<>();
            Set<String> batchIds = new HashSet<>();
            for (PlateRead r : reads) {
                if (batchIds.add(r.id()) && locate(c, r.id()) == null) {
                    byDay.computeIfAbsent(Partition.dayOf(ReadColumns.capturedNanos(r)), d -> new ArrayList<>()).add(r);
                }
            }
            if (byDay.isEmpty()) {
                return;
            }
            c.setAutoCommit(false);
            List<Partition> created = new ArrayList<>();
            Map<Partition, Integer> nextRids = new LinkedHashMap<>();
            Map<Partition, List<Added>> added = new LinkedHashMap<>();
            try {
                for (Map.Entry<Long, List<PlateRead>> e : byDay.entrySet()) {
                    Partition p = days.get(e.getKey());
                    if (p == null) {
                        p = Partition.ofDay(e.getKey());
                        createPartition(c, p);
                        created.add(p);
                    }
                    List<Added> inserted = new ArrayList<>();
                    nextRids.put(p, insert(c, p.table, e.getValue(), p.nextRid, inserted));
                    added.put(p, inserted);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            index.writeLock().lock();
            try {
                for (Partition p : created) {
                    days.put(p.day, p);
                }
                for (Map.Entry<Partition, List<Added>> e : added.entrySet()) {
                    index(e.getKey(), e.getValue());
                    e.getKey().nextRid = nextRids.get(e.getKey());
                }
            } finally {
                index.writeLock().unlock();
            }
        } catch (SQLException e) {
            throw new StoreException("could not save " + reads.size() + " reads to " + dialect.name() + " read store " + where
                    + ": " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    private static void index(Partition p, List<Added> added) {
        for (Added a : added) {
            p.postings.add(a.rid(), a.plate());
            p.ids.add(ReadIds.hash(a.id()), a.rid());
        }
    }

    /** Where read {@code id} is stored: its partition and read number; null when nowhere. */
    private Located locate(Connection c, String id) throws SQLException {
        int hash = ReadIds.hash(id);
        for (Partition p : searchOrder()) {
            int[] found = {0};
            boolean hit = p.ids.anyMatch(hash, rid -> {
                if (idAt(c, p.table, rid).equals(id)) {
                    found[0] = rid;
                    return true;
                }
                return false;
            });
            if (hit) {
                return new Located(p, found[0]);
            }
        }
        return null;
    }

    private record Located(Partition partition, int rid) {
    }

    /** The id stored as read number {@code rid} of {@code table} ("" when none); checks a hash hit against the row. */
    private static String idAt(Connection c, String table, int rid) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE rid = ?")) {
            ps.setInt(1, rid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the id of read " + rid + " in " + table + ": " + e.getMessage(), e);
        }
    }

    private void createPartition(Connection c, Partition p) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : dialect.createDayPartition(p.table, p.fromNanos, p.toNanos)) {
                s.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO read_partitions (day, table_name) VALUES (?, ?)")) {
            ps.setLong(1, p.day);
            ps.setString(2, p.table);
            ps.executeUpdate();
        }
    }

    /** Inserts {@code reads} from read number {@code next}, noting each inserted one in {@code inserted}; returns the next free number. */
    private int insert(Connection c, String table, List<PlateRead> reads, int next, List<Added> inserted) throws SQLException {
        int per = dialect.rowsPerInsert();
        if (per > 1) {
            int i = 0;
            try (PreparedStatement many = c.prepareStatement(dialect.insert(table, per))) {
                for (; i + per <= reads.size(); i += per) {
                    for (int k = 0; k < per; k++) {
                        PlateRead r = reads.get(i + k);
                        int rid = nextRid(next++, table);
                        ReadColumns.bind(many, k * ReadColumns.COUNT, rid, r, ReadColumns.capturedNanos(r));
                        inserted.add(new Added(rid, r.plate().text(), r.id()));
                    }
                    many.executeUpdate();
                }
            }
            if (i < reads.size()) {
                try (PreparedStatement one = c.prepareStatement(dialect.insert(table, 1))) {
                    for (; i < reads.size(); i++) {
                        PlateRead r = reads.get(i);
                        int rid = nextRid(next++, table);
                        ReadColumns.bind(one, 0, rid, r, ReadColumns.capturedNanos(r));
                        one.executeUpdate();
                        inserted.add(new Added(rid, r.plate().text(), r.id()));
                    }
                }
            }
            return next;
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.insert(table, 1))) {
            List<Added> pending = new ArrayList<>();
            for (PlateRead r : reads) {
                int rid = nextRid(next++, table);
                ReadColumns.bind(ps, 0, rid, r, ReadColumns.capturedNanos(r));
                ps.addBatch();
                pending.add(new Added(rid, r.plate().text(), r.id()));
                if (pending.size() == 1000) {
                    flush(c, ps, table, pending, inserted);
                }
            }
            if (!pending.isEmpty()) {
                flush(c, ps, table, pending, inserted);
            }
            return next;
        }
    }

    private void flush(Connection c, PreparedStatement ps, String table, List<Added> pending, List<Added> inserted)
            throws SQLException {
        int[] counts = ps.executeBatch();
        boolean unknown = false;
        List<Added> confirmed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                unknown = true;
            } else if (counts[i] > 0) {
                confirmed.add(pending.get(i));
            }
        }
        if (unknown) {
            // a driver that rewrites batches does not tell which rows went in: ask the table
            int[] rids = pending.stream().mapToInt(Added::rid).toArray();
            Set<Integer> present = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT rid FROM " + table + " WHERE " + dialect.inList("rid", rids.length))) {
                dialect.bindList(c, q, 1, rids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getInt(1));
                    }
                }
            }
            confirmed.clear();
            for (Added a : pending) {
                if (present.contains(a.rid())) {
                    confirmed.add(a);
                }
            }
        }
        inserted.addAll(confirmed);
        pending.clear();
    }

    private static int nextRid(int rid, String table) {
        if (rid == Integer.MAX_VALUE) {
            throw new StoreException("partition " + table + " is full: " + Integer.MAX_VALUE + " reads in one day");
        }
        return rid;
    }

    @Override
    public Optional<PlateRead> find(String id) {
        requireOpen();
        Objects.requireNonNull(id, "id");
        index.readLock().lock();
        try (Connection c = connections.open()) {
            Located at = locate(c, id);
            if (at == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ReadColumns.NAMES + " FROM " + at.partition().table + " WHERE rid = ?")) {
                ps.setInt(1, at.rid());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ReadColumns.read(rs)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not look up read '" + id + "' in " + where + ": " + e.getMessage(), e);
        } finally {
            index.readLock().unlock();
        }
    }

    private List<Partition> searchOrder() {
        List<Partition> order = new ArrayList<>(days.descendingMap().values());
        order.add(held);
        return order;
    }

    @Override
    public ReadPage search(ReadQuery q) {
        requireOpen();
        Objects.requireNonNull(q, "query");
        Optional<WildcardPattern> pattern = q.plate().map(p -> WildcardPattern.compile(p, q.tolerant()));
        if (q.cameraIds().size() > MAX_CAMERAS) {
            throw new IllegalArgumentException("search names " + q.cameraIds().size() + " cameras; at most " + MAX_CAMERAS);
        }
        long depth = (long) q.offset() + q.limit();
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("page offset " + q.offset() + " with page size " + q.limit() + " reaches past the "
                    + MAX_DEPTH + " reads a search can page through; narrow the search");
        }
        long from = ReadColumns.clampedNanos(q.from());
        long to = ReadColumns.clampedNanos(q.to());
        if (from >= to) {
            return new ReadPage(List.of(), false);
        }
        int needed = (int) depth + 1;
        index.readLock().lock();
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            List<Row> rows = new ArrayList<>();
            if (held.postings.size() > 0) {
                rows.addAll(query(c, held, q, pattern, from, to, needed));
            }
            int fromDays = 0;
            for (Partition p : days.subMap(Partition.dayOf(from), true, Partition.dayOf(to - 1), true).descendingMap().values()) {
                List<Row> got = query(c, p, q, pattern, from, to, needed - fromDays);
                rows.addAll(got);
                fromDays += got.size();
                if (fromDays >= needed) {
                    break; // every older day holds only older reads
                }
            }
            c.commit();
            rows.sort(NEWEST_FIRST);
            List<PlateRead> page = new ArrayList<>(q.limit());
            for (int i = q.offset(); i < Math.min(rows.size(), depth); i++) {
                page.add(rows.get(i).read());
            }
            return new ReadPage(page, rows.size() > depth);
        } catch (SQLException e) {
            throw new StoreException("historical search failed in " + where + ": " + e.getMessage(), e);
        } finally {
            index.readLock().unlock();
        }
    }

    private List<Row> query(Connection c, Partition p, ReadQuery q, Optional<WildcardPattern> pattern, long from, long to, int want)
            throws SQLException {
        if (pattern.isEmpty()) {
            return select(c, p, q, from, to, null, null, want);
        }
        RoaringBitmap matched = candidates(p, pattern.get());
        if (matched.isEmpty()) {
            return List.of();
        }
        if (matched.getCardinality() > dialect.scanAbove()) {
            return select(c, p, q, from, to, null, matched, want);
        }
        int[] rids = matched.toArray();
        List<Row> out = new ArrayList<>();
        int chunk = dialect.listChunk();
        for (int i = 0; i < rids.length; i += chunk) {
            out.addAll(select(c, p, q, from, to, Arrays.copyOfRange(rids, i, Math.min(rids.length, i + chunk)), null, want));
        }
        if (rids.length > chunk) {
            out.sort(NEWEST_FIRST);
            if (out.size() > want) {
                out = new ArrayList<>(out.subList(0, want));
            }
        }
        return out;
    }

    private RoaringBitmap candidates(Partition p, WildcardPattern pattern) {
        CandidateKey key = new CandidateKey(p.serial, p.postings.generation(), pattern.text(), pattern.tolerant());
        return candidateCache.get(key, k -> p.postings.matching(pattern));
    }

    /**
     * Up to {@code want} reads of {@code p} newest first, restricted to {@code rids} when given and checked
     * against {@code allowed} when given.
     */
    private List<Row> select(Connection c, Partition p, ReadQuery q, long from, long to, int[] rids, RoaringBitmap allowed, int want)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(ReadColumns.NAMES).append(" FROM ").append(p.table)
                .append(" WHERE captured_at >= ? AND captured_at < ?");
        if (!q.cameraIds().isEmpty()) {
            sql.append(" AND camera_id IN (").append("?, ".repeat(q.cameraIds().size() - 1)).append("?)");
        }
        if (!q.cameraKinds().isEmpty()) {
            sql.append(" AND camera_kind IN (").append("?, ".repeat(q.cameraKinds().size() - 1)).append("?)");
        }
        double[] box = q.area().map(DayPartitionedStore::boundingBox).orElse(null);
        if (box != null) {
            sql.append(" AND latitude >= ? AND latitude <= ?");
            if (!Double.isNaN(box[2])) {
                sql.append(" AND longitude >= ? AND longitude <= ?");
            }
        }
        if (rids != null) {
            sql.append(" AND ").append(dialect.inList("rid", rids.length));
        }
        sql.append(" ORDER BY captured_at DESC, rid DESC");
        boolean checkInJava = allowed != null || q.area().filter(a -> a instanceof ReadQuery.Radius).isPresent();
        if (!checkInJava) {
            sql.append(" LIMIT ").append(want);
        }
        List<Row> out = new ArrayList<>(Math.min(want, 1024));
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(checkInJava ? dialect.fetchSize() : Math.min(want, dialect.fetchSize()));
            int i = 1;
            ps.setLong(i++, from);
            ps.setLong(i++, to);
            for (String camera : q.cameraIds()) {
                ps.setString(i++, camera);
            }
            for (CameraKind kind : q.cameraKinds()) {
                ps.setString(i++, kind.name());
            }
            if (box != null) {
                ps.setDouble(i++, box[0]);
                ps.setDouble(i++, box[1]);
                if (!Double.isNaN(box[2])) {
                    ps.setDouble(i++, box[2]);
                    ps.setDouble(i++, box[3]);
                }
            }
            if (rids != null) {
                dialect.bindList(c, ps, i, rids);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (out.size() < want && rs.next()) {
                    int rid = rs.getInt(1);
                    if (allowed != null && !allowed.contains(rid)) {
                        continue;
                    }
                    PlateRead read = ReadColumns.read(rs);
                    if (q.area().isPresent() && (read.location().isEmpty() || !q.area().get().contains(read.location().get()))) {
                        continue;
                    }
                    out.add(new Row(rs.getLong(7), p.day, rid, read));
                }
            }
        }
        return out;
    }

    /** {latMin, latMax, lonMin, lonMax} enclosing the area; lon bounds NaN when the area spans a pole or the antimeridian. */
    private static double[] boundingBox(ReadQuery.Area area) {
        if (area instanceof ReadQuery.Box b) {
            return new double[] {b.southWest().latitude(), b.northEast().latitude(), b.southWest().longitude(), b.northEast().longitude()};
        }
        ReadQuery.Radius r = (ReadQuery.Radius) area;
        GeoPoint c = r.centre();
        double dLat = Math.toDegrees(r.radiusMetres() / EARTH_RADIUS_M) * 1.0001 + 1e-9;
        double latMin = c.latitude() - dLat;
        double latMax = c.latitude() + dLat;
        if (latMin <= -90 || latMax >= 90) {
            return new double[] {Math.max(-90, latMin), Math.min(90, latMax), Double.NaN, Double.NaN};
        }
        double dLon = dLat / Math.cos(Math.toRadians(Math.max(Math.abs(latMin), Math.abs(latMax))));
        if (c.longitude() - dLon < -180 || c.longitude() + dLon > 180) {
            return new double[] {latMin, latMax, Double.NaN, Double.NaN};
        }
        return new double[] {latMin, latMax, c.longitude() - dLon, c.longitude() + dLon};
    }

    @Override
    public int hold(Collection<String> readIds, String holdReference) {
        requireOpen();
        Objects.requireNonNull(readIds, "readIds");
        checkReference(holdReference);
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : readIds) {
            wanted.add(Objects.requireNonNull(id, "read id"));
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        writer.lock();
        index.readLock().lock();
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                Set<String> found = new LinkedHashSet<>();
                for (String id : wanted) {
                    if (locate(c, id) != null) {
                        found.add(id);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(insertHold())) {
                    long now = ReadColumns.clampedNanos(Instant.now());
                    for (String id : found) {
                        ps.setString(1, id);
                        ps.setString(2, holdReference);
                        ps.setLong(3, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return found.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not hold " + wanted.size() + " reads under '" + holdReference + "' in " + where
                    + ": " + e.getMessage(), e);
        } finally {
            index.readLock().unlock();
            writer.unlock();
        }
    }

    private String insertHold() {
        return dialect instanceof SqliteDialect
                ? "INSERT OR IGNORE INTO holds (read_id, reference, held_at) VALUES (?, ?, ?)"
                : "INSERT INTO holds (read_id, reference, held_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    }

    private static void checkReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("hold reference '" + (reference == null ? "null" : reference.replaceAll("\\p{Cntrl}", "?"))
                    + "' must be 1 to " + MAX_REFERENCE + " printable characters naming the case, court order or preservation request");
        }
    }

    @Override
    public int release(String holdReference) {
        requireOpen();
        checkReference(holdReference);
        writer.lock();
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement("DELETE FROM holds WHERE reference = ?")) {
            ps.setString(1, holdReference);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not release holds under '" + holdReference + "' in " + where + ": " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        requireOpen();
        long cut = ReadColumns.clampedNanos(Objects.requireNonNull(cutoff, "cutoff"));
        writer.lock();
        index.writeLock().lock();
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            List<Partition> whole = new ArrayList<>();
            Partition partial = null;
            for (Partition p : days.values()) {
                if (p.toNanos <= cut) {
                    whole.add(p);
                } else if (p.fromNanos < cut) {
                    partial = p;
                }
            }
            long purged = 0;
            List<Added> moved = new ArrayList<>();
            int heldNext = held.nextRid;
            List<Added> partialRemoved = List.of();
            List<Added> heldRemoved;
            try {
                Set<String> heldIds = heldIds(c);
                for (Partition p : whole) {
                    List<PlateRead> keep = heldIds.isEmpty() ? List.of() : readsWithIds(c, p, heldIds);
                    List<Added> inserted = new ArrayList<>();
                    heldNext = insert(c, HELD_TABLE, keep, heldNext, inserted);
                    moved.addAll(inserted);
                    purged += p.postings.size() - keep.size();
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM read_partitions WHERE day = ?")) {
                        ps.setLong(1, p.day);
                        ps.executeUpdate();
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE " + p.table);
                    }
                }
                if (partial != null) {
                    partialRemoved = deleteUnheldBefore(c, partial.table, cut);
                    purged += partialRemoved.size();
                }
                heldRemoved = deleteUnheldBefore(c, HELD_TABLE, cut);
                purged += heldRemoved.size();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            for (Partition p : whole) {
                days.remove(p.day);
            }
            if (partial != null) {
                unindex(partial, partialRemoved);
            }
            unindex(held, heldRemoved);
            index(held, moved);
            held.nextRid = heldNext;
            LOG.info("purged {} reads captured before {} from {} ({} whole days dropped, {} held reads kept)", purged, cutoff, where,
                    whole.size(), moved.size());
            return purged;
        } catch (SQLException e) {
            throw new StoreException("purge of reads before " + cutoff + " failed in " + where + ": " + e.getMessage(), e);
        } finally {
            index.writeLock().unlock();
            writer.unlock();
        }
    }

    private static Set<String> heldIds(Connection c) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT read_id FROM holds")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static void unindex(Partition p, List<Added> removed) {
        for (Added a : removed) {
            p.postings.remove(a.rid());
            p.ids.remove(ReadIds.hash(a.id()), a.rid());
        }
    }

    /** The reads of partition {@code p} whose ids are in {@code ids}. */
    private static List<PlateRead> readsWithIds(Connection c, Partition p, Set<String> ids) throws SQLException {
        List<PlateRead> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ReadColumns.NAMES + " FROM " + p.table + " WHERE rid = ?")) {
            for (String id : ids) {
                int[] rids = {0};
                p.ids.anyMatch(ReadIds.hash(id), rid -> {
                    if (idAt(c, p.table, rid).equals(id)) {
                        rids[0] = rid;
                        return true;
                    }
                    return false;
                });
                if (rids[0] == 0) {
                    continue;
                }
                ps.setInt(1, rids[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(ReadColumns.read(rs));
                    }
                }
            }
        }
        return out;
    }

    /** Deletes reads of {@code table} captured before {@code cut} and not held; returns their read numbers, plates and ids. */
    private static List<Added> deleteUnheldBefore(Connection c, String table, long cut) throws SQLException {
        String condition = " WHERE captured_at < ? AND id NOT IN (SELECT read_id FROM holds)";
        List<Added> removed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, plate, id FROM " + table + condition)) {
            ps.setLong(1, cut);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    removed.add(new Added(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        if (!removed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + condition)) {
                ps.setLong(1, cut);
                ps.executeUpdate();
            }
        }
        return removed;
    }

    @Override
    public long count() {
        requireOpen();
        index.readLock().lock();
        try {
            long n = held.postings.size();
            for (Partition p : days.values()) {
                n += p.postings.size();
            }
            return n;
        } finally {
            index.readLock().unlock();
        }
    }

    /** Bytes the partial-plate index takes in memory, roughly. */
    long indexSizeInBytes() {
        index.readLock().lock();
        try {
            long n = held.postings.sizeInBytes() + held.ids.sizeInBytes();
            for (Partition p : days.values()) {
                n += p.postings.sizeInBytes() + p.ids.sizeInBytes();
            }
            return n;
        } finally {
            index.readLock().unlock();
        }
    }

    /** The UTC days that have a partition, oldest first. */
    List<Long> partitionDays() {
        index.readLock().lock();
        try {
            return List.copyOf(days.keySet());
        } finally {
            index.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException(dialect.name() + " read store " + where + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        writer.lock();
        try {
            closed = true;
            lock.close();
            connections.close();
        } finally {
            writer.unlock();
        }
    }
}
