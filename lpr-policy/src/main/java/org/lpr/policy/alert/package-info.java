/** Alert verification: states, visual verification, status confirmation, dispositions. */
@NullMarked
package org.lpr.policy.alert;

import org.jspecify.annotations.NullMarked;
