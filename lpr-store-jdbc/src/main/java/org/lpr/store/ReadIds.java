package org.lpr.store;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Read ids of one partition as 32-bit hashes mapped to read numbers: an open-addressing table, so the
 * database needs no index on the id column (random ids make such an index the dominant cost of ingest).
 * A hash names candidates only; callers confirm the id against the row. Not thread-safe.
 */
final class ReadIds {
    private static final int FREE = 0;
    private static final int GONE = -1;

    private int[] hashes = new int[1024];
    private int[] rids = new int[1024];
    private int used;

    /** The table's hash of {@code id}: never 0 or -1, which mark free and removed slots. */
    static int hash(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h == FREE || h == GONE ? 1 : h;
    }

    void add(int hash, int rid) {
        if ((used + 1) * 4L >= hashes.length * 3L) {
            grow();
        }
        int mask = hashes.length - 1;
        int slot = hash & mask;
        while (hashes[slot] != FREE && hashes[slot] != GONE) {
            slot = (slot + 1) & mask;
        }
        if (hashes[slot] == FREE) {
            used++;
        }
        hashes[slot] = hash;
        rids[slot] = rid;
    }

    void remove(int hash, int rid) {
        int mask = hashes.length - 1;
        for (int slot = hash & mask; hashes[slot] != FREE; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && rids[slot] == rid) {
                hashes[slot] = GONE;
                return;
            }
        }
    }

    /** Calls {@code candidate} with each read number stored under {@code hash} until it returns true; whether one did. */
    boolean anyMatch(int hash, IntPredicate candidate) {
        int mask = hashes.length - 1;
        for (int slot = hash & mask; hashes[slot] != FREE; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && candidate.test(rids[slot])) {
                return true;
            }
        }
        return false;
    }

    long sizeInBytes() {
        return 8L * hashes.length;
    }

    private void grow() {
        int[] oldHashes = hashes;
        int[] oldRids = rids;
        int live = 0;
        for (int h : oldHashes) {
            if (h != FREE && h != GONE) {
                live++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1024, live * 2)) * 2;
        hashes = new int[capacity];
        rids = new int[capacity];
        used = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != FREE && oldHashes[i] != GONE) {
                add(oldHashes[i], oldRids[i]);
            }
        }
        Arrays.fill(oldHashes, FREE);
    }
}
