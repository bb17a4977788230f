package org.lpr.onnx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.read.Jurisdiction;

/**
 * Keying rules ({@code keying.txt}): characters a jurisdiction issues on none of its plates, reported as the
 * look-alike that is keyed for them in look-ups (Idaho issues no letter O: a round glyph on an Idaho plate is
 * keyed as zero).
 */
final class Keying {
    /** Per jurisdiction: the characters not issued, and at the same index the characters keyed for them. */
    private final Map<Jurisdiction, String[]> rules;

    private Keying(Map<Jurisdiction, String[]> rules) {
        this.rules = rules;
    }

    /** The rules shipped with the module, read once. */
    static Keying standard() {
        return Standard.RULES;
    }

    /** Loaded on first use, so that a broken resource fails as a {@code ModelLoadException}, not a class initialisation. */
    private static final class Standard {
        static final Keying RULES = parse(OcrModel.readLines(OcrModel.CLASSPATH + "/org/lpr/onnx/keying.txt", null), "keying.txt");
    }

    /**
     * Parses rules, one a line: a jurisdiction code, the character it does not issue, the character keyed for it.
     * Every bad line is named at once; a character may have one rule a jurisdiction, and rules do not chain.
     *
     * @throws org.lpr.core.ModelLoadException naming each bad line and what is wrong with it
     */
    static Keying parse(List<String> lines, String source) {
        Map<Jurisdiction, String[]> map = new EnumMap<>(Jurisdiction.class);
        List<String> problems = new ArrayList<>();
        for (StateLines.Entry e : StateLines.of(lines)) {
            List<String> p = e.parts();
            Optional<Jurisdiction> j = e.state();
            String[] r = j.map(x -> map.getOrDefault(x, new String[] {"", ""})).orElse(null);
            String why = j.isEmpty() ? "'" + p.get(0) + "' is no known jurisdiction"
                    : p.size() != 3 ? "expected a jurisdiction code, the character not issued and the character keyed for it"
                    : !plateChar(p.get(1)) ? "'" + p.get(1) + "' is not a plate character (A-Z, 0-9)"
                    : !plateChar(p.get(2)) ? "'" + p.get(2) + "' is not a plate character (A-Z, 0-9)"
                    : p.get(1).equals(p.get(2)) ? "'" + p.get(1) + "' keyed as itself"
                    : r[0].contains(p.get(1)) ? "'" + p.get(1) + "' has a rule for " + j.get().code() + " already"
                    : r[1].contains(p.get(1)) ? "'" + p.get(1) + "' is what another " + j.get().code() + " rule keys: rules do not chain"
                    : r[0].contains(p.get(2)) ? "'" + p.get(2) + "' is not issued by another " + j.get().code() + " rule: rules do not chain"
                    : null;
            if (why != null) {
                problems.add(e.problem(why));
                continue;
            }
            map.put(j.get(), new String[] {r[0] + p.get(1), r[1] + p.get(2)});
        }
        StateLines.check(problems, "keying rules", source);
        return new Keying(map);
    }

    private static boolean plateChar(String s) {
        return s.length() == 1 && Alphabet.PLATE_CHARS.indexOf(s.charAt(0)) >= 0;
    }

    /** Whether {@code state} has rules. */
    boolean applies(Jurisdiction state) {
        return rules.containsKey(state);
    }

    /** {@code text} as keyed for a plate of {@code state}: every character it does not issue replaced by the keyed one. */
    String key(String text, Jurisdiction state) {
        String[] r = rules.get(state);
        if (r == null) {
            return text;
        }
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = r[0].indexOf(c[i]);
            if (k >= 0) {
                c[i] = r[1].charAt(k);
            }
        }
        return new String(c);
    }
}
