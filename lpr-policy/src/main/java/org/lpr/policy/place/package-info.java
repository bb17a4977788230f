/** Sensitive places configured as geofences. */
@NullMarked
package org.lpr.policy.place;

import org.jspecify.annotations.NullMarked;
