/** The agency's LPR general order as enforced rules, and the tamper-evident audit log. */
package org.lpr.policy;
