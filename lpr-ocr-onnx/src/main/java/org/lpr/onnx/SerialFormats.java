package org.lpr.onnx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.read.Jurisdiction;

/**
 * Serial formats of standard plates per jurisdiction, kept as data in {@code serial-formats.txt} and applied softly when
 * rescoring readings. A format is one token per character: {@code L} a letter, {@code D} a digit, {@code A} either, a
 * bracketed class such as {@code [1-9]} or {@code [OND]} one of the characters it lists (single characters and ranges of
 * letters or of digits), and any character other than {@code [}, {@code ]}, {@code (} and {@code )} that character itself. A
 * format in parentheses, such as {@code (DDDD)}, counts only for its own state (the state read from the plate, or the home
 * state), not among the formats of every state that count when the state is unknown: a short series that would let
 * readings of other states' plates with a character lost fit (rule 62, lpr-ocr-onnx/README.md, *Wyoming's one-digit
 * counties*).
 */
final class SerialFormats {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private final Map<Jurisdiction, List<Format>> byState;
    private final List<Format> all;

    private SerialFormats(Map<Jurisdiction, List<Format>> byState) {
        this.byState = byState;
        Map<String, Format> union = new LinkedHashMap<>();
        byState.values().forEach(l -> l.stream().filter(f -> !f.ownStateOnly()).forEach(f -> union.putIfAbsent(f.source(), f)));
        this.all = List.copyOf(union.values());
    }

    /** The formats shipped with the module. */
    static SerialFormats standard() {
        return parse(OcrModel.readLines(OcrModel.CLASSPATH + "/org/lpr/onnx/serial-formats.txt", null), "serial-formats.txt");
    }

    /** The formats a model's descriptor names, or the module's when it names none. */
    static SerialFormats of(OcrModel.Rescoring rescoring) {
        return rescoring.formats().isEmpty() ? standard() : parse(OcrModel.readLines(rescoring.formats(), null), rescoring.formats());
    }

    /**
     * The formats of {@code lines}.
     *
     * @throws ModelLoadException naming every bad line of {@code source} at once (no jurisdiction, no format, a malformed class)
     */
    static SerialFormats parse(List<String> lines, String source) {
        Map<Jurisdiction, List<Format>> map = new EnumMap<>(Jurisdiction.class);
        List<String> problems = new ArrayList<>();
        for (StateLines.Entry e : StateLines.of(lines)) {
            var j = Jurisdiction.tryParse(e.parts().get(0));
            if (j.isEmpty() || e.parts().size() < 2) {
                problems.add(e.problem("expected a jurisdiction code and at least one format"));
                continue;
            }
            for (String f : e.parts().subList(1, e.parts().size())) {
                try {
                    map.computeIfAbsent(j.get(), x -> new ArrayList<>()).add(Format.compile(f));
                } catch (IllegalArgumentException bad) {
                    problems.add(e.problem("format '" + f + "': " + bad.getMessage()));
                }
            }
        }
        StateLines.check(problems, "serial formats", source);
        return new SerialFormats(map);
    }

    /**
     * Whether {@code text} fits one of {@code state}'s formats, or when the state is unknown one of any state's that is not
     * written in parentheses.
     */
    boolean matches(String text, Jurisdiction state) {
        List<Format> formats = state.isKnown() ? byState.get(state) : null;
        for (Format f : formats == null ? all : formats) {
            if (f.fits(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether formats are known for {@code state}. */
    boolean knows(Jurisdiction state) {
        return byState.containsKey(state);
    }

    /**
     * One compiled format.
     *
     * @param source the format as written, without its parentheses
     * @param positions for each character of a fitting text, the characters it may be
     * @param ownStateOnly whether it was written in parentheses: it counts for its own state only
     */
    private record Format(String source, List<String> positions, boolean ownStateOnly) {
        Format {
            positions = List.copyOf(positions);
        }

        /**
         * Compiles {@code written}: a format, or one in parentheses that counts for its own state only.
         *
         * @throws IllegalArgumentException when a class is unclosed or empty, a {@code ]} closes no class, or a class holds a
         *     character that is no letter or digit, or a range that mixes them or runs backwards ({@code [9-1]}), or a
         *     parenthesis does not enclose the whole format
         */
        static Format compile(String written) {
            boolean ownStateOnly = written.startsWith("(") && written.endsWith(")") && written.length() > 2;
            String source = ownStateOnly ? written.substring(1, written.length() - 1) : written;
            List<String> positions = new ArrayList<>();
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                switch (c) {
                    case 'L' -> positions.add(LETTERS);
                    case 'D' -> positions.add(DIGITS);
                    case 'A' -> positions.add(LETTERS + DIGITS);
                    case '[' -> {
                        int end = source.indexOf(']', i);
                        if (end < 0) {
                            throw new IllegalArgumentException("'[' at " + (i + 1) + " is not closed");
                        }
                        positions.add(characterClass(source.substring(i + 1, end)));
                        i = end;
                    }
                    case ']' -> throw new IllegalArgumentException("']' at " + (i + 1) + " closes no class");
                    case '(', ')' -> throw new IllegalArgumentException("'" + c + "' at " + (i + (ownStateOnly ? 2 : 1))
                            + ": parentheses enclose a whole format, as in (DDDD)");
                    default -> positions.add(String.valueOf(c));
                }
            }
            return new Format(source, positions, ownStateOnly);
        }

        private static String characterClass(String body) {
            if (body.isEmpty()) {
                throw new IllegalArgumentException("empty class []");
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char from = body.charAt(i);
                char to = from;
                if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                    to = body.charAt(i + 2);
                    i += 2;
                }
                boolean letters = LETTERS.indexOf(from) >= 0 && LETTERS.indexOf(to) >= 0;
                boolean digits = DIGITS.indexOf(from) >= 0 && DIGITS.indexOf(to) >= 0;
                if (!(letters || digits) || to < from) {
                    throw new IllegalArgumentException("class [" + body + "] takes letters A-Z, digits 0-9 and ranges of either,"
                            + " not '" + (from == to ? String.valueOf(from) : from + "-" + to) + "'");
                }
                for (char c = from; c <= to; c++) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** Whether {@code text} fits this format. */
        boolean fits(String text) {
            if (text.length() != positions.size()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (positions.get(i).indexOf(text.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
