/** Audit reports with findings for auditors, and the public transparency report. */
@NullMarked
package org.lpr.policy.report;

import org.jspecify.annotations.NullMarked;
