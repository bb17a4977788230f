package org.lpr.core.hotlist.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.ParsedHotList;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.spi.HotListLayout;

/**
 * The plain layout: one entry per line, {@code PLATE,STATE,LIST_TYPE,REASON}. PLATE may be partial
 * ({@code 7XK*4}); STATE is a postal code, name or ISO code, or empty for unknown; LIST_TYPE is a
 * {@link ListType} name (case, spaces and dashes ignored); REASON is required and may hold commas
 * (everything after the third comma, or a double-quoted field). Blank lines, {@code #} comments and
 * a first line starting {@code PLATE,} are skipped. Entry ids are {@code line-N}.
 */
final class PlainCsvLayout implements HotListLayout {
    static final PlainCsvLayout INSTANCE = new PlainCsvLayout();
    private static final int MAX_LINE = 4096;

    @Override
    public String name() {
        return HotListLayouts.PLAIN;
    }

    @Override
    public ParsedHotList parse(String source, Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<HotListEntry> entries = new ArrayList<>();
        List<HotListFormatException> problems = new ArrayList<>();
        String line;
        int no = 0;
        boolean first = true;
        while ((line = lines.readLine()) != null) {
            no++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (first && trimmed.toUpperCase(Locale.ROOT).startsWith("PLATE,")) {
                first = false;
                continue;
            }
            first = false;
            try {
                entries.add(entry(trimmed, no));
            } catch (LprException | IllegalArgumentException e) {
                problems.add(new HotListFormatException(source + " line " + no + ": " + e.getMessage(), e));
            }
        }
        return new ParsedHotList(new HotList(source, source, Instant.now(), entries), problems);
    }

    private static HotListEntry entry(String line, int no) {
        if (line.length() > MAX_LINE) {
            throw new HotListFormatException("line is " + line.length() + " characters long; expected at most " + MAX_LINE);
        }
        List<String> f = fields(line);
        if (f.size() < 4) {
            throw new HotListFormatException("expected 4 fields PLATE,STATE,LIST_TYPE,REASON but found " + f.size());
        }
        PlatePattern plate = PlatePattern.of(f.get(0).strip());
        String state = f.get(1).strip();
        Jurisdiction j = state.isEmpty() ? Jurisdiction.UNKNOWN : Jurisdiction.parse(state);
        ListType type = listType(f.get(2));
        String reason = String.join(",", f.subList(3, f.size())).strip();
        if (reason.isEmpty()) {
            throw new HotListFormatException("reason is empty; the general order requires the reason for every entry");
        }
        return new HotListEntry("line-" + no, plate, j, type, type.defaultPriority(), reason, "", Optional.empty(), Map.of());
    }

    private static ListType listType(String raw) {
        String key = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (ListType t : ListType.values()) {
            if (t.name().equals(key)) {
                return t;
            }
        }
        throw new HotListFormatException("list type '" + raw.strip() + "' is not one of " + Arrays.toString(ListType.values()));
    }

    /** Splits on commas, honouring double-quoted fields with {@code ""} for a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new HotListFormatException("a double-quoted field is not closed");
        }
        out.add(cur.toString());
        return out;
    }
}
