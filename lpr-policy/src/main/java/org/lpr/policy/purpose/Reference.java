package org.lpr.policy.purpose;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;

/**
 * The documented law enforcement activity a use is tied to: a case report number, a CAD event number,
 * an intelligence file, or a described activity.
 *
 * @param kind what the value is
 * @param value the number, or for {@link Kind#DOCUMENTED_ACTIVITY} a description of the activity
 */
public record Reference(
        @NotNull(message = "reference kind is missing; expected CASE_REPORT, CAD_EVENT, INTELLIGENCE_FILE or DOCUMENTED_ACTIVITY") Kind kind,
        @NotNull(message = "reference value is missing")
        @Size(min = 3, max = 200, message = "reference value must be 3 to 200 characters, was '${validatedValue}'")
        @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} .,:;#/()'-]*", message = "reference value '${validatedValue}' has characters other than letters, digits and . , : ; # / ( ) ' -")
        String value) {

    private static final Set<String> GENERIC = Set.of("investigation", "investigations", "investigative", "investigate",
            "investigating", "inv", "invest", "purpose", "purposes", "case", "cases", "lead", "leads", "follow", "up",
            "followup", "law", "enforcement", "le", "official", "business", "police", "work", "na", "n", "a", "none",
            "tbd", "general", "ongoing", "info", "information", "search", "searching", "check", "checking", "query",
            "and", "for", "of", "the", "to", "an", "on", "in", "related", "activity", "documented", "other", "misc",
            "unknown", "unk", "see", "notes", "pending", "routine", "patrol", "intel", "intelligence", "file", "report",
            "number", "no", "cad", "event", "incident", "matter");

    /** What a reference's value is. */
    public enum Kind {
        /** A case report number. */
        CASE_REPORT,
        /** A computer-aided dispatch event number. */
        CAD_EVENT,
        /** An intelligence file number. */
        INTELLIGENCE_FILE,
        /** Another documented law enforcement activity, described in words. */
        DOCUMENTED_ACTIVITY
    }

    /** A case report number. */
    public static Reference caseReport(String number) {
        return new Reference(Kind.CASE_REPORT, number);
    }

    /** A CAD event number. */
    public static Reference cadEvent(String number) {
        return new Reference(Kind.CAD_EVENT, number);
    }

    /** An intelligence file number. */
    public static Reference intelligenceFile(String number) {
        return new Reference(Kind.INTELLIGENCE_FILE, number);
    }

    /** A described law enforcement activity. */
    public static Reference documentedActivity(String description) {
        return new Reference(Kind.DOCUMENTED_ACTIVITY, description);
    }

    /**
     * Whether the reference documents something specific. A number must hold a digit; a described
     * activity must say more than generic words: "investigation" alone is never enough.
     */
    public boolean isSpecific() {
        if (value == null || kind == null) {
            return false;
        }
        if (kind != Kind.DOCUMENTED_ACTIVITY) {
            return value.chars().anyMatch(Character::isDigit) && !value.chars().allMatch(c -> c == '0' || !Character.isLetterOrDigit(c));
        }
        long specificWords = java.util.Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty() && !GENERIC.contains(w))
                .count();
        return specificWords >= 2;
    }

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
