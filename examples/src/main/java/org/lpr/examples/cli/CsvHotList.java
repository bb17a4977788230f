package org.lpr.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lpr.core.HotListFormatException;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotListMatcher;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;

/**
 * A hot list from a plain CSV file ({@code plate,state,reason}, header optional) with exact matching
 * of every candidate reading.
 *
 * <p>Interim wiring for {@code lpr recognize --hotlist}: to be replaced by the hot list engine in
 * {@code org.lpr.core.hotlist} and its CSV source (issue 3) once they are on main, which add tolerant
 * (confusable, edit distance) matching.
 */
final class CsvHotList implements HotListMatcher {
    private final List<HotListEntry> entries;

    private CsvHotList(List<HotListEntry> entries) {
        this.entries = entries;
    }

    static CsvHotList read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HotListFormatException("cannot read hot list " + file + ": " + e.getMessage(), e);
        }
        List<HotListEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("plate,"))) {
                continue;
            }
            String[] f = line.split(",", 3);
            try {
                Jurisdiction state = f.length > 1 && !f[1].isBlank() ? Jurisdiction.parse(f[1].strip()) : Jurisdiction.UNKNOWN;
                String reason = f.length > 2 ? f[2].strip() : "";
                entries.add(HotListEntry.of(file.getFileName() + ":" + (i + 1), f[0].strip(), state, ListType.CUSTOM, reason, ""));
            } catch (RuntimeException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new HotListFormatException("hot list " + file + " has bad lines: " + String.join("; ", problems));
        }
        return new CsvHotList(entries);
    }

    @Override
    public List<Hit> match(PlateRead read) {
        List<Hit> hits = new ArrayList<>();
        for (HotListEntry e : entries) {
            for (int i = 0; i < read.candidates().size(); i++) {
                Candidate c = read.candidates().get(i);
                if (!e.plate().matches(c.text())) {
                    continue;
                }
                Jurisdiction readState = read.plate().jurisdiction();
                if (readState.isKnown() && e.jurisdiction().isKnown() && readState != e.jurisdiction()) {
                    continue;
                }
                boolean stateVerified = readState.isKnown() && e.jurisdiction().isKnown();
                hits.add(new Hit(c.text(), e, MatchKind.EXACT, i == 0 ? 1.0 : c.confidence(), stateVerified));
                break;
            }
        }
        return hits;
    }
}
