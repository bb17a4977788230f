package org.lpr.policy.alert;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The result of checking an alert's status through a criminal justice information system, or the
 * reason that was not practical.
 *
 * @param channel where it was checked, or {@link Channel#NOT_PRACTICAL}
 * @param entryActive whether the system says the entry is still active (ignored for NOT_PRACTICAL)
 * @param detail the inquiry's reference, or why a check was not practical
 */
public record StatusConfirmation(
        @NotNull(message = "confirmation channel is missing") Channel channel,
        boolean entryActive,
        @NotNull(message = "confirmation detail is missing")
        @Size(min = 3, max = 500, message = "confirmation detail must be 3 to 500 characters (the inquiry reference, or why a check was not practical)")
        String detail) {

    /** Where an alert's status was checked. */
    public enum Channel {
        /** An NCIC inquiry. */
        NCIC,
        /** A MULES (Missouri) inquiry. */
        MULES,
        /** Dispatch. */
        DISPATCH,
        /** A mobile data terminal inquiry. */
        MDT,
        /** Another authorized criminal justice information system. */
        OTHER_CJIS,
        /** A check was not practical (for example an AMBER alert pursuit); the reason is in the detail. */
        NOT_PRACTICAL
    }

    /** A confirmation through {@code channel}. */
    public static StatusConfirmation via(Channel channel, boolean entryActive, String inquiryReference) {
        return new StatusConfirmation(channel, entryActive, inquiryReference);
    }

    /** A record that confirmation was not practical, and why. */
    public static StatusConfirmation notPractical(String reason) {
        return new StatusConfirmation(Channel.NOT_PRACTICAL, true, reason);
    }
}
