/**
 * The agency's LPR general order as enforced rules. {@link org.lpr.policy.LprPolicy} is the one entry
 * point: every historical search, read view, export, dissemination, hot list change and alert action
 * goes through it with a signed-in {@link org.lpr.policy.Session}, a purpose and a reference, and is
 * written to the tamper-evident audit log before it is answered.
 */
@NullMarked
package org.lpr.policy;

import org.jspecify.annotations.NullMarked;
