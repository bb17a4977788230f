/** The append-only, hash-chained audit log, its verifier, and audit retention. */
@NullMarked
package org.lpr.policy.audit;

import org.jspecify.annotations.NullMarked;
