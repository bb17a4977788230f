package org.lpr.policy.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.lpr.policy.purpose.Purpose;

/**
 * An information-sharing agreement with a partner agency: who, for which purposes, what they may do,
 * for how long, and how many queries a day.
 *
 * @param id the agreement's id or document number
 * @param partnerOri the partner agency's 9-character ORI
 * @param partnerName the partner agency's name
 * @param allowedPurposes the purposes the partner may use data for
 * @param scopes what the partner may do
 * @param effectiveFrom when the agreement starts
 * @param expiresAt when it ends
 * @param dailyQueryQuota how many searches and views the partner's users may make per UTC day
 */
public record SharingAgreement(
        String id,
        String partnerOri,
        String partnerName,
        Set<Purpose> allowedPurposes,
        Set<SharingScope> scopes,
        Instant effectiveFrom,
        Instant expiresAt,
        int dailyQueryQuota) {

    /** Validates the components; an agreement can never allow a prohibited purpose. */
    public SharingAgreement {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("sharing agreement id must not be blank");
        }
        if (partnerOri == null || !partnerOri.matches("[A-Z0-9]{9}")) {
            throw new IllegalArgumentException("partner ORI '" + partnerOri + "' of agreement " + id + " must be 9 characters [A-Z0-9]");
        }
        if (partnerName == null || partnerName.isBlank()) {
            throw new IllegalArgumentException("agreement " + id + " needs the partner agency's name");
        }
        allowedPurposes = Set.copyOf(allowedPurposes);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (allowedPurposes.isEmpty()) {
            throw new IllegalArgumentException("agreement " + id + " allows no purpose");
        }
        for (Purpose p : allowedPurposes) {
            if (p.isProhibited()) {
                throw new IllegalArgumentException("agreement " + id + " cannot allow the prohibited purpose " + p);
            }
        }
        if (!effectiveFrom.isBefore(expiresAt)) {
            throw new IllegalArgumentException("agreement " + id + " expires at " + expiresAt + ", not after it starts " + effectiveFrom);
        }
        if (dailyQueryQuota < 0) {
            throw new IllegalArgumentException("agreement " + id + " query quota " + dailyQueryQuota + " is negative");
        }
    }

    /** Whether the agreement is in force at {@code now}. */
    public boolean isInForceAt(Instant now) {
        return !now.isBefore(effectiveFrom) && now.isBefore(expiresAt);
    }
}
