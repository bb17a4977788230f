/** Decoded images in a layout every backend shares, and safe decoding with size limits. */
@NullMarked
package org.lpr.core.image;

import org.jspecify.annotations.NullMarked;
