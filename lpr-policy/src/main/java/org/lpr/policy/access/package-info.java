/** Users, roles, training records and security incidents. */
@NullMarked
package org.lpr.policy.access;

import org.jspecify.annotations.NullMarked;
