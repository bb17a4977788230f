package org.lpr.opencv;

import org.lpr.core.ImageDecodeException;

/**
 * An encoded image's format and dimensions, read from its header alone, so limits can be checked
 * before a decoder allocates the pixels.
 */
record ImageHeader(Format format, long width, long height) {

    /** The formats whose headers are read. */
    enum Format { JPEG, PNG, BMP, WEBP, GIF }

    static ImageHeader parse(byte[] b, String name) {
        if (b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return jpeg(b, name);
        }
        if (b.length >= 8 && u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return png(b, name);
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return bmp(b, name);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return webp(b, name);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            need(b, 10, name, "GIF");
            return new ImageHeader(Format.GIF, le16(b, 6), le16(b, 8));
        }
        throw new ImageDecodeException(name + ": not a recognised image format (expected JPEG, PNG, BMP, WebP or GIF; first bytes "
                + hex(b) + ")");
    }

    private static ImageHeader jpeg(byte[] b, String name) {
        int i = 2;
        while (i + 4 <= b.length) {
            if (u8(b, i) != 0xFF) {
                throw new ImageDecodeException(name + ": corrupt JPEG: expected a marker at byte " + i);
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            int len = be16(b, i + 2);
            if (len < 2) {
                throw new ImageDecodeException(name + ": corrupt JPEG: segment length " + len + " at byte " + i);
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                need(b, i + 9, name, "JPEG");
                long h = be16(b, i + 5);
                long w = be16(b, i + 7);
                if (!hasEndMarker(b)) {
                    throw new ImageDecodeException(name + ": truncated JPEG: no end-of-image marker");
                }
                return new ImageHeader(Format.JPEG, w, h);
            }
            if (marker == 0xDA || marker == 0xD9) {
                throw new ImageDecodeException(name + ": corrupt JPEG: image data before any frame header");
            }
            i += 2 + len;
        }
        throw new ImageDecodeException(name + ": truncated JPEG: no frame header in " + b.length + " bytes");
    }

    private static boolean hasEndMarker(byte[] b) {
        // cameras and encoders may pad after the end-of-image marker; look near the end only
        for (int i = b.length - 2; i >= Math.max(0, b.length - 4096); i--) {
            if (u8(b, i) == 0xFF && u8(b, i + 1) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static ImageHeader png(byte[] b, String name) {
        need(b, 24, name, "PNG");
        if (!(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
            throw new ImageDecodeException(name + ": corrupt PNG: first chunk is not IHDR");
        }
        return new ImageHeader(Format.PNG, be32(b, 16), be32(b, 20));
    }

    private static ImageHeader bmp(byte[] b, String name) {
        need(b, 26, name, "BMP");
        long dib = le32(b, 14);
        if (dib == 12) {
            return new ImageHeader(Format.BMP, le16(b, 18), le16(b, 20));
        }
        int w = (int) le32(b, 18);
        int h = (int) le32(b, 22);
        // a negative height marks a top-down bitmap
        return new ImageHeader(Format.BMP, w, Math.abs((long) h));
    }

    private static ImageHeader webp(byte[] b, String name) {
        need(b, 30, name, "WebP");
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return new ImageHeader(Format.WEBP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            case "VP8L": {
                long bits = le32(b, 21);
                return new ImageHeader(Format.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X":
                return new ImageHeader(Format.WEBP, le24(b, 24) + 1, le24(b, 27) + 1);
            default:
                throw new ImageDecodeException(name + ": corrupt WebP: unknown chunk '" + chunk.replaceAll("[^ -~]", "?") + "'");
        }
    }

    private static void need(byte[] b, int n, String name, String format) {
        if (b.length < n) {
            throw new ImageDecodeException(name + ": truncated " + format + ": header needs " + n + " bytes, file has " + b.length);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            s.append(String.format("%02x", b[i]));
        }
        return s.length() == 0 ? "(none)" : s.toString();
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static long be32(byte[] b, int i) {
        return ((long) u8(b, i) << 24) | ((long) u8(b, i + 1) << 16) | ((long) u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static long le24(byte[] b, int i) {
        return u8(b, i) | ((long) u8(b, i + 1) << 8) | ((long) u8(b, i + 2) << 16);
    }

    private static long le32(byte[] b, int i) {
        return le24(b, i) | ((long) u8(b, i + 3) << 24);
    }
}
