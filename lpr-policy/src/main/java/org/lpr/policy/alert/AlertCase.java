package org.lpr.policy.alert;

import java.util.Objects;
import java.util.Optional;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Disposition;

/**
 * An alert as the policy tracks it: its state, and what was recorded on the way.
 *
 * @param alert the alert
 * @param state where it stands
 * @param verification the officer's visual verification; empty until recorded
 * @param verifiedBy who recorded the verification; empty until recorded
 * @param confirmation the status confirmation; empty until recorded
 * @param disposition the disposition; empty until recorded
 */
public record AlertCase(
        Alert alert,
        AlertState state,
        Optional<VisualVerification> verification,
        Optional<String> verifiedBy,
        Optional<StatusConfirmation> confirmation,
        Optional<Disposition> disposition) {

    /** Validates the components. */
    public AlertCase {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(disposition, "disposition");
    }

    /** A newly raised alert. */
    public static AlertCase raised(Alert alert) {
        return new AlertCase(alert, AlertState.RAISED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The alert's id. */
    public String id() {
        return alert.id();
    }

    /** A copy in {@code newState} with the verification recorded. */
    public AlertCase withVerification(AlertState newState, VisualVerification v, String officerId) {
        return new AlertCase(alert, newState, Optional.of(v), Optional.of(officerId), confirmation, disposition);
    }

    /** A copy in {@code newState} with the confirmation recorded. */
    public AlertCase withConfirmation(AlertState newState, StatusConfirmation c) {
        return new AlertCase(alert, newState, verification, verifiedBy, Optional.of(c), disposition);
    }

    /** A closed copy with the disposition recorded. */
    public AlertCase closed(Disposition d) {
        return new AlertCase(alert, AlertState.CLOSED, verification, verifiedBy, confirmation, Optional.of(d));
    }
}
