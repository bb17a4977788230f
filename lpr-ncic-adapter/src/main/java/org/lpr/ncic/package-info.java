/**
 * NCIC-derived hot list files: configurable delimited and fixed-width layouts ({@link org.lpr.ncic.NcicLayout}),
 * ready layouts by name ({@link org.lpr.ncic.NcicLayouts}), streaming import with per-line rejections
 * ({@link org.lpr.ncic.ImportReport}), a {@link org.lpr.core.spi.HotListSource} over a file or URL
 * ({@link org.lpr.ncic.NcicFileSource}) and scheduled refresh ({@link org.lpr.ncic.HotListRefresher}).
 */
@NullMarked
package org.lpr.ncic;

import org.jspecify.annotations.NullMarked;
