/**
 * Plug-in interfaces: detectors, recognizers, read stores, hot list sources, alert and audit sinks.
 * Each has a contract test kit in lpr-core's test-jar ({@code *Contract} classes) that every
 * implementation runs.
 */
@NullMarked
package org.lpr.core.spi;

import org.jspecify.annotations.NullMarked;
