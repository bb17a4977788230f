/** The {@link org.lpr.core.pipeline.Lpr} entry point: image in, reads and alerts out. */
@NullMarked
package org.lpr.core.pipeline;

import org.jspecify.annotations.NullMarked;
