/** Information-sharing agreements with partner agencies and dissemination. */
@NullMarked
package org.lpr.policy.sharing;

import org.jspecify.annotations.NullMarked;
