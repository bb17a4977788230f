package org.lpr.onnx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.ModelLoadException;
import org.lpr.core.read.Jurisdiction;

/**
 * Keying rules ({@code keying.txt}): characters a jurisdiction issues on none of its plates, reported as the
 * look-alike that is keyed for them in look-ups (Idaho issues no letter O: a round glyph on an Idaho plate is
 * keyed as zero).
 */
final class Keying {
    /** The rules shipped with the module. */
    static final Keying STANDARD = parse(OcrModel.readLines(OcrModel.CLASSPATH + "/org/lpr/onnx/keying.txt", null), "keying.txt");

    /** Per jurisdiction: the characters not issued, and at the same index the characters keyed for them. */
    private final Map<Jurisdiction, String[]> rules;

    private Keying(Map<Jurisdiction, String[]> rules) {
        this.rules = rules;
    }

    static Keying parse(List<String> lines, String source) {
        Map<Jurisdiction, String[]> map = new EnumMap<>(Jurisdiction.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            var j = Jurisdiction.tryParse(parts[0]);
            if (j.isEmpty() || !j.get().isKnown() || parts.length != 3 || !plateChar(parts[1]) || !plateChar(parts[2])
                    || parts[1].equals(parts[2])) {
                problems.add("line " + (i + 1) + " '" + line + "': expected a jurisdiction code, the character not issued and"
                        + " the different character keyed for it (A-Z, 0-9)");
                continue;
            }
            String[] r = map.computeIfAbsent(j.get(), x -> new String[] {"", ""});
            r[0] += parts[1];
            r[1] += parts[2];
        }
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid keying rules " + source + ": " + String.join("; ", problems));
        }
        return new Keying(map);
    }

    private static boolean plateChar(String s) {
        return s.length() == 1 && ((s.charAt(0) >= 'A' && s.charAt(0) <= 'Z') || (s.charAt(0) >= '0' && s.charAt(0) <= '9'));
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
