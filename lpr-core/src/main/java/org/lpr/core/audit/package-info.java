/** Audit events, the record of every access to LPR data. The tamper-evident log lives in lpr-policy. */
@NullMarked
package org.lpr.core.audit;

import org.jspecify.annotations.NullMarked;
