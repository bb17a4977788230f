package org.lpr.core.image;

/**
 * Limits checked on an image's header before any pixel is decoded, so hostile files cannot exhaust memory.
 *
 * @param maxWidth widest accepted image in pixels
 * @param maxHeight tallest accepted image in pixels
 * @param maxPixels most pixels accepted (width times height)
 * @param maxBytes largest accepted encoded file in bytes
 */
public record ImageLimits(int maxWidth, int maxHeight, long maxPixels, long maxBytes) {
    /** 8192 x 8192, 40 megapixels, 64 MiB: more than any LPR camera sends. */
    public static final ImageLimits DEFAULT = new ImageLimits(8192, 8192, 40_000_000L, 64L << 20);

    /** Checks every limit is positive. */
    public ImageLimits {
        if (maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + maxWidth + "x" + maxHeight
                    + ", " + maxPixels + " pixels, " + maxBytes + " bytes");
        }
    }
}
