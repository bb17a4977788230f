package org.lpr.policy.purpose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Screens free text (search descriptions, hot list reasons, report titles) against a maintained term list
 * for protected characteristics, prohibited uses and purposes some jurisdictions forbid for sharing.
 *
 * <p>The text is normalized before matching so common evasions are caught: case, accents, look-alike
 * Cyrillic letters, zero-width characters, leetspeak ({@code mus1ims}), letters spaced or dotted apart
 * ({@code m u s l i m}, {@code m.u.s.l.i.m}), stretched letters ({@code muuuslim}) and plurals. Synonyms
 * are entries of the list. Terms match whole words, so {@code ice} never matches {@code police}.
 *
 * <p>List format, one entry per line: {@code severity|category|term}; {@code #} starts a comment. Severity
 * is {@code refuse}, {@code review} or {@code context}; a term starting with {@code =} matches only that
 * exact word form (no plural folding). A {@code context} term (such as {@code everyone} or
 * {@code attendees}) does nothing alone, but turns a {@code review} match of a protected characteristic
 * into a refusal: it marks group targeting.
 */
public final class TermScreen {
    private static final String STANDARD_RESOURCE = "/org/lpr/policy/purpose/protected-terms.txt";
    private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'), Map.entry('ɡ', 'g'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'),
            Map.entry('в', 'b'), Map.entry('н', 'h'), Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'),
            Map.entry('ο', 'o'), Map.entry('υ', 'u'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('κ', 'k'),
            Map.entry('ν', 'v'), Map.entry('χ', 'x'), Map.entry('μ', 'u'));

    private final List<Term> terms;
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();

    private TermScreen(List<Term> terms) {
        this.terms = List.copyOf(terms);
        for (Term t : this.terms) {
            byFirstWord.computeIfAbsent(t.words.get(0), k -> new ArrayList<>()).add(t);
        }
    }

    /** The term list maintained with the SDK ({@code org/lpr/policy/purpose/protected-terms.txt}). */
    public static TermScreen standard() {
        try (InputStream in = TermScreen.class.getResourceAsStream(STANDARD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("term list resource " + STANDARD_RESOURCE + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read term list " + STANDARD_RESOURCE, e);
        }
    }

    /** A screen over an agency's own list, in the format described above; every bad line is reported together. */
    public static TermScreen load(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        return of(lines);
    }

    /** A screen over the given list lines; every bad line is reported together. */
    public static TermScreen of(List<String> lines) {
        List<Term> terms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 3) {
                problems.add("line " + (i + 1) + " '" + line + "': expected severity|category|term");
                continue;
            }
            Severity severity;
            try {
                severity = Severity.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": severity '" + parts[0].strip() + "' is not refuse, review or context");
                continue;
            }
            Category category = Category.parse(parts[1].strip());
            if (category == null) {
                problems.add("line " + (i + 1) + ": category '" + parts[1].strip() + "' is unknown; expected one of " + Category.names());
                continue;
            }
            String raw = parts[2].strip();
            boolean exact = raw.startsWith("=");
            List<String> words = new ArrayList<>();
            for (String token : normalize(exact ? raw.substring(1) : raw).split(" ")) {
                if (!token.isEmpty()) {
                    words.add(exact ? token : stem(token));
                }
            }
            if (words.isEmpty()) {
                problems.add("line " + (i + 1) + ": term is empty");
                continue;
            }
            terms.add(new Term(severity, category, raw, List.copyOf(words), exact));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("term list has " + problems.size() + " bad line(s): " + String.join("; ", problems));
        }
        return new TermScreen(terms);
    }

    /** How many terms the list holds. */
    public int size() {
        return terms.size();
    }

    /** Screens {@code text}: what matched, and whether it is clear, held for review, or refused. */
    public Screening screen(String text) {
        Set<Match> matches = new LinkedHashSet<>();
        for (List<String> stream : wordStreams(text)) {
            for (int i = 0; i < stream.size(); i++) {
                String word = stream.get(i);
                String stemmed = stem(word);
                for (String key : stemmed.equals(word) ? List.of(word) : List.of(word, stemmed)) {
                    for (Term t : byFirstWord.getOrDefault(key, List.of())) {
                        if (t.matchesAt(stream, i)) {
                            matches.add(new Match(t.severity, t.category, t.raw));
                        }
                    }
                }
            }
        }
        return Screening.of(List.copyOf(matches));
    }

    /**
     * The word sequences the text is matched against: words split at every non-letter; words with
     * punctuation inside joined ({@code m.u.s.l.i.m}); runs of single letters joined ({@code m u s l i m});
     * and for words mixing letters with digits or symbols, their leetspeak readings.
     */
    static List<List<String>> wordStreams(String text) {
        String n = normalizeKeepingLeet(text);
        List<List<String>> split = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<String>> joined = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String chunk : n.split("\\s+")) {
            if (chunk.isEmpty()) {
                continue;
            }
            List<String> readings = leetReadings(chunk);
            for (int r = 0; r < 3; r++) {
                String reading = readings.get(Math.min(r, readings.size() - 1));
                for (String w : reading.split("[^a-z0-9]+")) {
                    if (!w.isEmpty()) {
                        split.get(r).add(w);
                    }
                }
                String j = reading.replaceAll("[^a-z0-9]+", "");
                if (!j.isEmpty()) {
                    joined.get(r).add(j);
                }
            }
        }
        List<List<String>> streams = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            streams.add(split.get(r));
            streams.add(joined.get(r));
            streams.add(joinSingleLetters(split.get(r)));
        }
        return streams;
    }

    private static List<String> joinSingleLetters(List<String> words) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String w : words) {
            if (w.length() == 1) {
                run.append(w);
                runLength++;
                continue;
            }
            flush(out, run, runLength);
            run.setLength(0);
            runLength = 0;
            out.add(w);
        }
        flush(out, run, runLength);
        return out;
    }

    private static void flush(List<String> out, StringBuilder run, int runLength) {
        if (runLength >= 3) {
            out.add(run.toString());
        } else {
            for (int i = 0; i < run.length(); i++) {
                out.add(String.valueOf(run.charAt(i)));
            }
        }
    }

    /** Leetspeak readings of a chunk: the chunk itself first, then readings with digits and symbols as letters. */
    private static List<String> leetReadings(String chunk) {
        boolean hasLetter = chunk.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean hasLeet = chunk.chars().anyMatch(c -> "013457895@$!|+".indexOf(c) >= 0);
        if (!hasLetter || !hasLeet) {
            return List.of(collapseStretches(chunk));
        }
        List<String> out = new ArrayList<>();
        out.add(collapseStretches(chunk));
        for (char one : new char[] {'i', 'l'}) {
            StringBuilder b = new StringBuilder(chunk.length());
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                b.append(switch (c) {
                    case '0' -> 'o';
                    case '1', '!', '|' -> c == '|' ? 'l' : one;
                    case '3' -> 'e';
                    case '4', '@' -> 'a';
                    case '5', '$' -> 's';
                    case '7', '+' -> 't';
                    case '8' -> 'b';
                    case '9' -> 'g';
                    default -> c;
                });
            }
            out.add(collapseStretches(b.toString()));
        }
        return out;
    }

    private static String collapseStretches(String s) {
        return s.replaceAll("([a-z])\\1{2,}", "$1");
    }

    /** Lower case, accents and zero-width characters removed, look-alike letters mapped, punctuation kept. */
    private static String normalizeKeepingLeet(String text) {
        String nfkd = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder(nfkd.length());
        for (int i = 0; i < nfkd.length(); i++) {
            char c = Character.toLowerCase(nfkd.charAt(i));
            if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff' || c == '\u00ad' || c == '\u2060') {
                continue;
            }
            b.append(HOMOGLYPHS.getOrDefault(c, c));
        }
        return b.toString();
    }

    /** A term's words: normalized and split at every non-letter. */
    private static String normalize(String term) {
        return normalizeKeepingLeet(term).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** Folds English plurals and possessives so "mosques", "mosque's" and "mosque" compare equal. */
    static String stem(String w) {
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** How a term match is treated. */
    public enum Severity {
        /** Context only: marks group targeting, which turns a protected-characteristic review into a refusal. */
        CONTEXT,
        /** Held for a supervisor's review. */
        REVIEW,
        /** Refused. */
        REFUSE
    }

    /** What a term is about. */
    public enum Category {
        /** Race. */
        RACE(true),
        /** Ethnicity. */
        ETHNICITY(true),
        /** Citizenship. */
        CITIZENSHIP(true),
        /** National origin. */
        NATIONAL_ORIGIN(true),
        /** Religion. */
        RELIGION(true),
        /** Political affiliation. */
        POLITICAL_AFFILIATION(true),
        /** Social views. */
        SOCIAL_VIEWS(true),
        /** Participation in lawful events or organizations. */
        LAWFUL_EVENTS(true),
        /** Gender. */
        GENDER(true),
        /** Gender identity. */
        GENDER_IDENTITY(true),
        /** Sexual orientation. */
        SEXUAL_ORIENTATION(true),
        /** Disability. */
        DISABILITY(true),
        /** Age. */
        AGE(true),
        /** Civil immigration enforcement (some jurisdictions forbid sharing for it). */
        IMMIGRATION_ENFORCEMENT(false),
        /** Reproductive health care (some jurisdictions forbid sharing for it). */
        REPRODUCTIVE_CARE(false),
        /** Traffic citation and speed enforcement (prohibited uses). */
        TRAFFIC_ENFORCEMENT(false),
        /** Personal use (prohibited). */
        PERSONAL(false),
        /** Commercial use (prohibited). */
        COMMERCIAL(false),
        /** Words that mark targeting a group: everyone, attendees, members. */
        TARGETING(false);

        private final boolean protectedCharacteristic;

        Category(boolean protectedCharacteristic) {
            this.protectedCharacteristic = protectedCharacteristic;
        }

        /** Whether the category is a characteristic protected by the general order. */
        public boolean isProtectedCharacteristic() {
            return protectedCharacteristic;
        }

        static Category parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static String names() {
            List<String> n = new ArrayList<>();
            for (Category c : EnumSet.allOf(Category.class)) {
                n.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return String.join(", ", n);
        }
    }

    /**
     * One term found in the text.
     *
     * @param severity how it is treated
     * @param category what it is about
     * @param term the list entry that matched
     */
    public record Match(Severity severity, Category category, String term) {
    }

    private record Term(Severity severity, Category category, String raw, List<String> words, boolean exact) {
        boolean matchesAt(List<String> stream, int at) {
            if (at + words.size() > stream.size()) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                String w = stream.get(at + k);
                if (!(exact ? w.equals(words.get(k)) : stem(w).equals(words.get(k)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
