/**
 * The SDK's exception hierarchy: {@link org.lpr.core.LprException} and the subclasses that name each failure.
 *
 * <p>Feature packages: {@code read} (plates, reads, cameras), {@code image} (decoded images),
 * {@code hotlist} (hot lists, hits, alerts), {@code audit} (audit events), {@code spi} (plug-in
 * interfaces) and {@code pipeline} (the {@code Lpr} entry point).
 */
@NullMarked
package org.lpr.core;

import org.jspecify.annotations.NullMarked;
