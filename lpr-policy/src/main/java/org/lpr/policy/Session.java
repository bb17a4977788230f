package org.lpr.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session, returned by {@link LprPolicy#login}. It is valid only with the policy that
 * issued it, until it is logged out or idles past the session timeout; it cannot be made any other way.
 */
public final class Session {
    private final String userId;
    private final String agencyOri;
    private final Instant startedAt;
    private final Object issuer;

    Session(String userId, String agencyOri, Instant startedAt, Object issuer) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.agencyOri = Objects.requireNonNull(agencyOri, "agencyOri");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** The signed-in user's id. */
    public String userId() {
        return userId;
    }

    /** The signed-in user's agency ORI. */
    public String agencyOri() {
        return agencyOri;
    }

    /** When the session started. */
    public Instant startedAt() {
        return startedAt;
    }

    Object issuer() {
        return issuer;
    }

    @Override
    public String toString() {
        return "Session[" + userId + "@" + agencyOri + " since " + startedAt + "]";
    }
}
