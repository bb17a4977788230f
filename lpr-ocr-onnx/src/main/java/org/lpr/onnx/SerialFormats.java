package org.lpr.onnx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lpr.core.read.Jurisdiction;

/**
 * Serial formats of standard plates per jurisdiction ({@code L} letter, {@code D} digit, {@code A} either), kept as data
 * in {@code serial-formats.txt} and applied softly when rescoring readings.
 */
final class SerialFormats {
    private final Map<Jurisdiction, List<String>> byState;
    private final Set<String> all;

    private SerialFormats(Map<Jurisdiction, List<String>> byState) {
        this.byState = byState;
        Set<String> union = new LinkedHashSet<>();
        byState.values().forEach(union::addAll);
        this.all = union;
    }

    /** The formats shipped with the module. */
    static SerialFormats standard() {
        return parse(OcrModel.readLines(OcrModel.CLASSPATH + "/org/lpr/onnx/serial-formats.txt", null), "serial-formats.txt");
    }

    /** The formats a model's descriptor names, or the module's when it names none. */
    static SerialFormats of(OcrModel.Rescoring rescoring) {
        return rescoring.formats().isEmpty() ? standard() : parse(OcrModel.readLines(rescoring.formats(), null), rescoring.formats());
    }

    static SerialFormats parse(List<String> lines, String source) {
        Map<Jurisdiction, List<String>> map = new EnumMap<>(Jurisdiction.class);
        List<String> problems = new ArrayList<>();
        for (StateLines.Entry e : StateLines.of(lines)) {
            var j = Jurisdiction.tryParse(e.parts().get(0));
            if (j.isEmpty() || e.parts().size() < 2) {
                problems.add(e.problem("expected a jurisdiction code and at least one format"));
                continue;
            }
            map.computeIfAbsent(j.get(), x -> new ArrayList<>()).addAll(e.parts().subList(1, e.parts().size()));
        }
        StateLines.check(problems, "serial formats", source);
        return new SerialFormats(map);
    }

    /** Whether {@code text} fits one of {@code state}'s formats, or of any state's when the state is unknown. */
    boolean matches(String text, Jurisdiction state) {
        List<String> formats = state.isKnown() ? byState.get(state) : null;
        if (formats == null) {
            for (String f : all) {
                if (fits(text, f)) {
                    return true;
                }
            }
            return false;
        }
        for (String f : formats) {
            if (fits(text, f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether formats are known for {@code state}. */
    boolean knows(Jurisdiction state) {
        return byState.containsKey(state);
    }

    static boolean fits(String text, String format) {
        if (text.length() != format.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = format.charAt(i);
            boolean ok = switch (f) {
                case 'L' -> c >= 'A' && c <= 'Z';
                case 'D' -> c >= '0' && c <= '9';
                case 'A' -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                default -> c == f;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
