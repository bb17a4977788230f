package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lpr.core.ModelLoadException;
import org.lpr.core.read.Jurisdiction;

/**
 * The lines of a per-jurisdiction data file ({@code serial-formats.txt}, {@code keying.txt}): one jurisdiction code and
 * its fields per line, blank lines and {@code #} comments skipped.
 */
final class StateLines {
    private StateLines() {
    }

    /**
     * One line of such a file.
     *
     * @param number the line's number, from 1
     * @param text the line, stripped
     * @param parts its whitespace-separated fields, the jurisdiction code first
     */
    record Entry(int number, String text, List<String> parts) {
        /** The known jurisdiction the first field names, if it names one. */
        Optional<Jurisdiction> state() {
            return Jurisdiction.tryParse(parts.get(0)).filter(Jurisdiction::isKnown);
        }

        /** A problem with this line, for {@link #check}: the line's number and text, then {@code what}. */
        String problem(String what) {
            return "line " + number + " '" + text + "': " + what;
        }
    }

    /** The entries of {@code lines}. */
    static List<Entry> of(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Entry(i + 1, line, List.of(line.split("\\s+"))));
            }
        }
        return out;
    }

    /** Throws a {@link ModelLoadException} naming every problem at once, when there is one: "invalid KIND SOURCE: ...". */
    static void check(List<String> problems, String kind, String source) {
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid " + kind + " " + source + ": " + String.join("; ", problems));
        }
    }
}
