package org.lpr.policy.purpose;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lpr.policy.purpose.TermScreen.Category;
import org.lpr.policy.purpose.TermScreen.Match;
import org.lpr.policy.purpose.TermScreen.Severity;

/**
 * The result of screening free text.
 *
 * @param verdict whether the text is clear, held for a supervisor's review, or refused
 * @param matches the terms found
 */
public record Screening(Verdict verdict, List<Match> matches) {
    /** What to do with the screened text. */
    public enum Verdict {
        /** Nothing found. */
        CLEAR,
        /** Held until a supervisor approves it. */
        REVIEW,
        /** Refused. */
        REFUSE
    }

    /** Copies the matches. */
    public Screening {
        matches = List.copyOf(matches);
    }

    static Screening of(List<Match> matches) {
        boolean refuse = matches.stream().anyMatch(m -> m.severity() == Severity.REFUSE);
        boolean protectedReview = matches.stream().anyMatch(m -> m.severity() == Severity.REVIEW && m.category().isProtectedCharacteristic());
        boolean targeting = matches.stream().anyMatch(m -> m.category() == Category.TARGETING);
        boolean review = matches.stream().anyMatch(m -> m.severity() == Severity.REVIEW);
        Verdict v = refuse || (protectedReview && targeting) ? Verdict.REFUSE : review ? Verdict.REVIEW : Verdict.CLEAR;
        return new Screening(v, matches);
    }

    /** The categories found, apart from targeting context. */
    public Set<Category> categories() {
        return matches.stream().map(Match::category).filter(c -> c != Category.TARGETING).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a protected characteristic was found. */
    public boolean touchesProtectedCharacteristic() {
        return matches.stream().anyMatch(m -> m.category().isProtectedCharacteristic());
    }

    /** Whether a prohibited use (traffic enforcement, personal, commercial) was found. */
    public boolean touchesProhibitedUse() {
        return categories().stream().anyMatch(c -> c == Category.TRAFFIC_ENFORCEMENT || c == Category.PERSONAL || c == Category.COMMERCIAL);
    }

    /** The matched terms as one line for audit records and messages. */
    public String describe() {
        return matches.stream().filter(m -> m.category() != Category.TARGETING)
                .map(m -> m.category().name().toLowerCase(java.util.Locale.ROOT) + " '" + m.term() + "'")
                .distinct().collect(Collectors.joining(", "));
    }
}
