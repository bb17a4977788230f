package org.lpr.flock;

/**
 * The agency's policy check that every Flock plate read lookup must pass before it is sent: the user's
 * role and training, an authorized purpose with a reference, no prohibited or discriminatory use, and
 * a supervisor's approval where the policy asks for one; the check and its result are audited.
 *
 * <p>Implemented over lpr-policy's {@code LprPolicy} for a signed-in session; {@link FlockReadLookup}
 * cannot be built without one, and {@link FlockClient} has no other way to call {@code /reads/lookup}.
 */
@FunctionalInterface
public interface LookupAuthorizer {
    /**
     * Approves {@code request} or refuses it.
     *
     * @return the grant, told how many reads the lookup returned (for the audit record)
     * @throws org.lpr.core.PolicyViolationException naming the rule when refused
     */
    LookupGrant authorize(ReadLookupRequest request);

    /** An approval of one lookup, told how it ended so the audit record holds the result count. */
    interface LookupGrant {
        /** Who the lookup was approved for (the user's id), for logs. */
        String approvedFor();

        /** The lookup returned {@code reads} reads on one more page. */
        default void completed(int reads) {
        }

        /** The lookup failed after it was approved. */
        default void failed(String reason) {
        }
    }
}
