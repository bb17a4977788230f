/** Custom hot list entries: requests, review cycle and governance rules. */
@NullMarked
package org.lpr.policy.hotlist;

import org.jspecify.annotations.NullMarked;
