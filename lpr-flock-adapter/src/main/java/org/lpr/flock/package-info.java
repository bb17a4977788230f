/**
 * Flock Safety v3 API client: OAuth2 client-credentials tokens, custom hot lists
 * ({@link org.lpr.flock.FlockClient}, {@link org.lpr.flock.FlockHotListSource}), plate read lookup through
 * an lpr-policy grant ({@link org.lpr.flock.FlockReadLookup}) and the LPR alert webhook receiver
 * ({@link org.lpr.flock.FlockAlertReceiver}).
 */
@NullMarked
package org.lpr.flock;

import org.jspecify.annotations.NullMarked;
