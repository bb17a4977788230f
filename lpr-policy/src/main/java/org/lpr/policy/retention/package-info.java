/** Retention of reads: periods per jurisdiction, evidentiary holds, purge reports. */
@NullMarked
package org.lpr.policy.retention;

import org.jspecify.annotations.NullMarked;
