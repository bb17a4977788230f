package org.lpr.store;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/** One day's table of reads (or the table of held reads) and its partial-plate index. */
final class Partition {
    static final long DAY_NANOS = 86_400_000_000_000L;
    private static final AtomicLong SERIALS = new AtomicLong();

    final long day;
    final String table;
    final long fromNanos;
    final long toNanos;
    /** Unique for the life of the process, so cached results of a dropped and re-created day never mix. */
    final long serial = SERIALS.incrementAndGet();
    final PlatePostings postings = new PlatePostings();
    final ReadIds ids = new ReadIds();
    int nextRid = 1;

    private Partition(long day, String table, long fromNanos, long toNanos) {
        this.day = day;
        this.table = table;
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
    }

    /** The partition of UTC day {@code day} (days since the epoch). */
    static Partition ofDay(long day) {
        long from = day * DAY_NANOS;
        return new Partition(day, tableName(day), from, from + DAY_NANOS);
    }

    /** The partition of reads kept past their day's purge. */
    static Partition held() {
        return new Partition(Long.MIN_VALUE, DayPartitionedStore.HELD_TABLE, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The UTC day of an instant in nanoseconds since the epoch. */
    static long dayOf(long nanos) {
        return Math.floorDiv(nanos, DAY_NANOS);
    }

    /** {@code reads_yyyymmdd}: names are built from numbers only. */
    static String tableName(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return String.format("reads_%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    boolean isHeld() {
        return day == Long.MIN_VALUE;
    }
}
