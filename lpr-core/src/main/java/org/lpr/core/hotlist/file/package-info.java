/** Hot list files: the plain CSV layout, the layout registry and a file-backed {@link org.lpr.core.spi.HotListSource}. */
@NullMarked
package org.lpr.core.hotlist.file;

import org.jspecify.annotations.NullMarked;
