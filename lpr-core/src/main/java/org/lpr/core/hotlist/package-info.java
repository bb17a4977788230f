/** Hot lists, their entries, and what matching a read against them produces: hits, alerts, dispositions. */
@NullMarked
package org.lpr.core.hotlist;

import org.jspecify.annotations.NullMarked;
