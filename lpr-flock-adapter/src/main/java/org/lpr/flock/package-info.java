/** Flock Safety v3 API client: custom hot lists, read lookup, alert webhooks. */
package org.lpr.flock;
