package org.lpr.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlatePattern;

/**
 * A seeded synthetic hot list and read stream shaped like a US agency's: plates in common state
 * formats (ABC1234, 1ABC234, ABC123, 123ABC, AB12345, vanity), mostly Missouri and neighbours with a
 * few entries of unknown state, mostly NCIC stolen vehicles and plates, and reads of which a chosen
 * fraction are of listed plates.
 */
public final class HotListWorkload {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = LETTERS + DIGITS;
    private static final Jurisdiction[] STATES = {
        Jurisdiction.MO, Jurisdiction.MO, Jurisdiction.MO, Jurisdiction.MO, Jurisdiction.KS, Jurisdiction.IL,
        Jurisdiction.AR, Jurisdiction.OK, Jurisdiction.IA, Jurisdiction.NE, Jurisdiction.TN, Jurisdiction.TX,
    };

    private final Random rnd;

    /** A workload generator seeded with {@code seed}. */
    public HotListWorkload(long seed) {
        this.rnd = new Random(seed);
    }

    /** A plate text in one of the common US formats. */
    public String plate() {
        int f = rnd.nextInt(100);
        if (f < 40) {
            return pick(LETTERS, 3) + pick(DIGITS, 4);          // ABC1234
        } else if (f < 55) {
            return pick(DIGITS, 1) + pick(LETTERS, 3) + pick(DIGITS, 3); // 1ABC234
        } else if (f < 70) {
            return pick(LETTERS, 3) + pick(DIGITS, 3);          // ABC123
        } else if (f < 80) {
            return pick(DIGITS, 3) + pick(LETTERS, 3);          // 123ABC
        } else if (f < 90) {
            return pick(LETTERS, 2) + pick(DIGITS, 5);          // AB12345
        }
        return pick(ALNUM, 4 + rnd.nextInt(5));                 // vanity and special, 4 to 8
    }

    /** A state: Missouri and its neighbours, weighted towards Missouri. */
    public Jurisdiction state() {
        return STATES[rnd.nextInt(STATES.length)];
    }

    /** {@code n} distinct-plate entries: 70 % stolen vehicles, 20 % stolen plates, the rest wanted, officer safety and alerts; 5 % of unknown state. */
    public List<HotListEntry> entries(int n) {
        List<HotListEntry> out = new ArrayList<>(n);
        Set<String> seen = new HashSet<>(n * 2);
        while (out.size() < n) {
            String p = plate();
            if (!seen.add(p)) {
                continue;
            }
            int t = rnd.nextInt(1000);
            ListType type = t < 700 ? ListType.STOLEN_VEHICLE : t < 900 ? ListType.STOLEN_PLATE : t < 970 ? ListType.WANTED_PERSON
                    : t < 990 ? ListType.OFFICER_SAFETY : t < 995 ? ListType.AMBER_ALERT : ListType.SILVER_ALERT;
            Jurisdiction j = rnd.nextInt(20) == 0 ? Jurisdiction.UNKNOWN : state();
            out.add(new HotListEntry("N" + out.size(), new PlatePattern(p), j, type, type.defaultPriority(), "NCIC", "",
                    Optional.empty(), Map.of()));
        }
        return out;
    }

    /**
     * {@code n} plates of which a fraction {@code onListRate} are entries' plates (with their state) and
     * the rest plates on no list; a tenth of the reads have no state.
     */
    public List<Plate> reads(List<HotListEntry> entries, int n, double onListRate) {
        Set<String> listed = new HashSet<>(entries.size() * 2);
        for (HotListEntry e : entries) {
            listed.add(e.plate().text());
        }
        List<Plate> out = new ArrayList<>(n);
        int onList = (int) Math.round(n * onListRate);
        for (int i = 0; i < onList; i++) {
            HotListEntry e = entries.get(rnd.nextInt(entries.size()));
            out.add(new Plate(e.plate().text(), e.jurisdiction()));
        }
        while (out.size() < n) {
            String p = plate();
            if (!listed.contains(p)) {
                out.add(new Plate(p, rnd.nextInt(10) == 0 ? Jurisdiction.UNKNOWN : state()));
            }
        }
        java.util.Collections.shuffle(out, rnd);
        return out;
    }

    private String pick(String from, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = from.charAt(rnd.nextInt(from.length()));
        }
        return new String(c);
    }
}
