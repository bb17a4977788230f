package org.lpr.core.hotlist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;

/**
 * The hot lists an agency checks every read against, and the matcher that checks them: exact,
 * misread-tolerant (OCR confusions, one edit where a list enables it) and partial-plate matching of
 * millions of entries.
 *
 * <pre>{@code
 * HotLists hotLists = HotLists.builder()
 *     .rule(ListType.AMBER_ALERT, MatchRule.DEFAULT.withEditDistance1(6))
 *     .rule(ListType.CUSTOM, MatchRule.EXACT_ONLY)
 *     .list(ncicExtract)
 *     .build();
 * List<Hit> hits = hotLists.match(read);
 * hotLists.refresh(newNcicExtract);            // rebuilt aside, swapped in atomically
 * hotLists.add("custom", entry);               // no rebuild of the other entries
 * }</pre>
 *
 * <p>Matching reads an immutable snapshot and never blocks; {@link #refresh(HotList)}, {@link #add}
 * and {@link #remove} build a new snapshot and swap it in atomically, so a reader sees either the old
 * or the new lists, never a half-built one. Adds and removals go to a small delta beside the large
 * base, merged into the base on the next refresh or once the delta outgrows its limit.
 * Expired entries never match; expiry is checked against the builder's clock at match time.
 */
public final class HotLists implements HotListMatcher {
    /** Most lists one instance holds. */
    public static final int MAX_LISTS = 256;

    private final MatchRule[] rules;
    private final Clock clock;
    private final int deltaLimit;
    private final AtomicReference<Snapshot> current;
    private final Object writeLock = new Object();

    private HotLists(Builder b) {
        this.rules = new MatchRule[ListType.values().length];
        for (ListType t : ListType.values()) {
            rules[t.ordinal()] = b.rules.getOrDefault(t, b.defaultRule);
        }
        this.clock = b.clock;
        this.deltaLimit = b.deltaLimit;
        Members all = new Members(b.lists.values().stream().mapToInt(List::size).sum());
        List<String> names = new ArrayList<>(b.lists.keySet());
        int id = 0;
        for (List<HotListEntry> entries : b.lists.values()) {
            for (HotListEntry e : entries) {
                all.add(e, id);
            }
            id++;
        }
        this.current = new AtomicReference<>(new Snapshot(rules, clock, names, all.build(rules), Segment.EMPTY, new int[0]));
    }

    /** A new builder: default rule {@link MatchRule#DEFAULT}, system UTC clock, no lists. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every hit of {@code read}'s candidates (best reading and alternatives), each entry once with its best match. */
    @Override
    public List<Hit> match(PlateRead read) {
        return current.get().match(read);
    }

    /** Every hit of a single reading: its characters and state. */
    public List<Hit> match(Plate plate) {
        return current.get().match(plate);
    }

    /** The current state as an immutable matcher, unaffected by later refreshes. */
    public HotListMatcher snapshot() {
        return current.get();
    }

    /** The number of entries matched against, expired ones included. */
    public int size() {
        return current.get().size();
    }

    /** The names of the lists held, in the order they were first added. */
    public List<String> listNames() {
        return current.get().listNames;
    }

    /** The rule applied to entries of {@code type}. */
    public MatchRule rule(ListType type) {
        return rules[type.ordinal()];
    }

    /**
     * Replaces the list named {@code list.name()} (or adds it) with {@code list}'s entries: builds a
     * new snapshot aside, merging pending adds and removals, and swaps it in.
     */
    public void refresh(HotList list) {
        Objects.requireNonNull(list, "list");
        synchronized (writeLock) {
            rebuild(list.name(), list.entries());
        }
    }

    /** Removes the list named {@code name}; false when there is none. */
    public boolean removeList(String name) {
        synchronized (writeLock) {
            if (!current.get().listNames.contains(name)) {
                return false;
            }
            rebuild(name, List.of());
            return true;
        }
    }

    /** Adds one entry to the list named {@code listName} (created if new) without rebuilding the other entries. */
    public void add(String listName, HotListEntry entry) {
        requireName(listName);
        Objects.requireNonNull(entry, "entry");
        synchronized (writeLock) {
            Snapshot s = current.get();
            List<String> names = new ArrayList<>(s.listNames);
            int id = idOf(names, listName);
            Members delta = new Members(s.delta.size() + 1);
            delta.addAll(s.delta, null);
            delta.add(entry, id);
            swap(s, names, delta, s.removed);
        }
    }

    /**
     * Removes the entries with id {@code entryId} from the list named {@code listName} without
     * rebuilding the other entries.
     *
     * @return how many entries were removed
     */
    public int remove(String listName, String entryId) {
        Objects.requireNonNull(entryId, "entryId");
        synchronized (writeLock) {
            Snapshot s = current.get();
            int id = s.listNames.indexOf(listName);
            if (id < 0) {
                return 0;
            }
            Members delta = new Members(s.delta.size());
            int removedFromDelta = 0;
            for (int i = 0; i < s.delta.size(); i++) {
                if ((s.delta.lists[i] & 0xff) == id && s.delta.entries[i].id().equals(entryId)) {
                    removedFromDelta++;
                } else {
                    delta.add(s.delta.entries[i], s.delta.lists[i] & 0xff);
                }
            }
            int[] fromBase = Arrays.stream(s.base.find(id, entryId))
                    .filter(o -> Arrays.binarySearch(s.removed, o) < 0).toArray();
            if (removedFromDelta == 0 && fromBase.length == 0) {
                return 0;
            }
            int[] removed = Arrays.copyOf(s.removed, s.removed.length + fromBase.length);
            System.arraycopy(fromBase, 0, removed, s.removed.length, fromBase.length);
            Arrays.sort(removed);
            swap(s, s.listNames, delta, removed);
            return removedFromDelta + fromBase.length;
        }
    }

    private void swap(Snapshot s, List<String> names, Members delta, int[] removed) {
        Snapshot next = new Snapshot(rules, clock, names, s.base, delta.build(rules), removed);
        if (delta.size > deltaLimit || removed.length > deltaLimit) {
            current.set(next);
            rebuild(null, List.of());
        } else {
            current.set(next);
        }
    }

    /** Builds a new base of every current entry, the list named {@code replaced} replaced by {@code entries}. */
    private void rebuild(String replaced, List<HotListEntry> entries) {
        Snapshot s = current.get();
        List<String> names = new ArrayList<>();
        int[] newId = new int[s.listNames.size()];
        for (int i = 0; i < newId.length; i++) {
            String name = s.listNames.get(i);
            boolean isReplaced = name.equals(replaced);
            newId[i] = isReplaced ? -1 : names.size();
            if (!isReplaced || !entries.isEmpty()) {
                names.add(name); // a replaced list keeps its place
            }
        }
        Members all = new Members(s.size() + entries.size());
        all.addAll(s.base, s, newId);
        all.addAll(s.delta, null, newId);
        if (replaced != null && !entries.isEmpty()) {
            int id = idOf(names, replaced);
            for (HotListEntry e : entries) {
                all.add(e, id);
            }
        }
        current.set(new Snapshot(rules, clock, names, all.build(rules), Segment.EMPTY, new int[0]));
    }

    private static int idOf(List<String> names, String name) {
        int id = names.indexOf(name);
        if (id >= 0) {
            return id;
        }
        if (names.size() == MAX_LISTS) {
            throw new IllegalArgumentException("cannot add list '" + name + "': at most " + MAX_LISTS + " lists are held");
        }
        names.add(name);
        return names.size() - 1;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("hot list name must not be blank");
        }
        return name;
    }

    /** Entries with their list ids, gathered for building a segment. */
    private static final class Members {
        HotListEntry[] entries;
        byte[] lists;
        int size;

        Members(int capacity) {
            entries = new HotListEntry[Math.max(4, capacity)];
            lists = new byte[entries.length];
        }

        void add(HotListEntry e, int list) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                lists = Arrays.copyOf(lists, size * 2);
            }
            entries[size] = e;
            lists[size++] = (byte) list;
        }

        void addAll(Segment segment, Snapshot removals) {
            addAll(segment, removals, null);
        }

        void addAll(Segment segment, Snapshot removals, int[] newId) {
            for (int i = 0; i < segment.size(); i++) {
                if (removals != null && removals.isRemoved(segment, i)) {
                    continue;
                }
                int list = segment.lists[i] & 0xff;
                int id = newId == null ? list : newId[list];
                if (id >= 0) {
                    add(segment.entries[i], id);
                }
            }
        }

        Segment build(MatchRule[] rules) {
            return size == 0 ? Segment.EMPTY : Segment.build(Arrays.copyOf(entries, size), Arrays.copyOf(lists, size), rules);
        }
    }

    /** Configures and builds a {@link HotLists}. */
    public static final class Builder {
        private final Map<ListType, MatchRule> rules = new EnumMap<>(ListType.class);
        private final Map<String, List<HotListEntry>> lists = new LinkedHashMap<>();
        private MatchRule defaultRule = MatchRule.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private int deltaLimit = 4096;

        private Builder() {
        }

        /** The rule for entries of list type {@code type}, overriding the default rule. */
        public Builder rule(ListType type, MatchRule rule) {
            rules.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** The rule for list types without their own rule; {@link MatchRule#DEFAULT} unless set. */
        public Builder defaultRule(MatchRule rule) {
            this.defaultRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** The clock expiry is checked against; the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many added or removed entries are held beside the base before it is rebuilt; 4096 unless set. */
        public Builder deltaLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("delta limit " + limit + " must not be negative");
            }
            this.deltaLimit = limit;
            return this;
        }

        /** Adds a list; a list of the same name given earlier is replaced. */
        public Builder list(HotList list) {
            lists.remove(list.name());
            return entries(list.name(), list.entries());
        }

        /** Adds entries under the list named {@code listName}, after any already given for it. */
        public Builder entries(String listName, Collection<HotListEntry> entries) {
            requireName(listName);
            List<HotListEntry> copy = List.copyOf(entries);
            if (!lists.containsKey(listName) && lists.size() == MAX_LISTS) {
                throw new IllegalArgumentException("cannot add list '" + listName + "': at most " + MAX_LISTS + " lists are held");
            }
            lists.merge(listName, copy, (a, b) -> {
                List<HotListEntry> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
            return this;
        }

        /** Builds the matcher over every list given. */
        public HotLists build() {
            return new HotLists(this);
        }
    }
}
