/** Reads and what they are made of: plates, jurisdictions, candidates, cameras, positions. */
@NullMarked
package org.lpr.core.read;

import org.jspecify.annotations.NullMarked;
