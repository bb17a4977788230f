package org.lpr.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.lpr.core.ImageDecodeException;

/**
 * A decoded 8-bit colour image: {@code width x height} pixels, 3 bytes each in B, G, R order, rows
 * top to bottom (the layout of OpenCV's {@code CV_8UC3}).
 *
 * <p>Immutable by contract: {@link #bgr()} returns the backing array for speed; do not change it.
 */
public final class Image {
    private final int width;
    private final int height;
    private final byte[] bgr;

    private Image(int width, int height, byte[] bgr) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    /** Wraps BGR pixels; {@code bgr.length} must be {@code width * height * 3}. */
    public static Image ofBgr(int width, int height, byte[] bgr) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " must be positive");
        }
        if (bgr.length != (long) width * height * 3) {
            throw new IllegalArgumentException("image " + width + "x" + height + " needs " + ((long) width * height * 3)
                    + " BGR bytes, got " + bgr.length);
        }
        return new Image(width, height, bgr);
    }

    /** Converts an AWT image (any type) to BGR. */
    public static Image of(BufferedImage image) {
        BufferedImage bgrImage = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgrImage = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var g = bgrImage.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        byte[] data = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        if (data.length != image.getWidth() * image.getHeight() * 3) {
            data = java.util.Arrays.copyOf(data, image.getWidth() * image.getHeight() * 3);
        }
        return new Image(image.getWidth(), image.getHeight(), data);
    }

    /** Decodes a JPEG, PNG, BMP or GIF file with {@link ImageLimits#DEFAULT}. */
    public static Image read(Path file) {
        return read(file, ImageLimits.DEFAULT);
    }

    /** Decodes an image file, checking {@code limits} on the file size and header first. */
    public static Image read(Path file, ImageLimits limits) {
        return decode(readEncoded(file, limits), limits, file.toString());
    }

    /**
     * Reads an image file's encoded bytes, refusing files over {@code limits.maxBytes()} before reading
     * them; for decoders other than this class's.
     *
     * @throws ImageDecodeException naming the file and the problem
     */
    public static byte[] readEncoded(Path file, ImageLimits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new ImageDecodeException(file + ": file is " + size + " bytes, over the limit of " + limits.maxBytes());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file + ": cannot read file: " + e.getMessage(), e);
        }
    }

    /**
     * Checks encoded bytes are not empty and within {@code limits.maxBytes()}; for decoders other than
     * this class's.
     *
     * @throws ImageDecodeException naming the image and the problem
     */
    public static void checkEncoded(byte[] encoded, ImageLimits limits, String name) {
        if (encoded.length == 0) {
            throw new ImageDecodeException(name + ": empty (0 bytes), not an image");
        }
        if (encoded.length > limits.maxBytes()) {
            throw new ImageDecodeException(name + ": " + encoded.length + " bytes, over the limit of " + limits.maxBytes());
        }
    }

    /** Decodes encoded image bytes with {@link ImageLimits#DEFAULT}. */
    public static Image decode(byte[] encoded) {
        return decode(encoded, ImageLimits.DEFAULT, "image");
    }

    /**
     * Decodes encoded image bytes (JPEG, PNG, BMP, GIF). Dimensions are read from the header and
     * checked against {@code limits} before pixels are decoded.
     *
     * @param name names the image in error messages (usually the file)
     * @throws ImageDecodeException naming the image and the problem
     */
    public static Image decode(byte[] encoded, ImageLimits limits, String name) {
        checkEncoded(encoded, limits, name);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageDecodeException(name + ": not a recognised image format (expected JPEG, PNG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkDimensions(name, w, h, limits);
                // decoders fill what is missing of a cut-off file with grey and only warn ("Premature end of JPEG file")
                java.util.List<String> warnings = new java.util.ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new ImageDecodeException(name + ": decoder returned no image");
                }
                if (!warnings.isEmpty()) {
                    throw new ImageDecodeException(name + ": corrupt or truncated image: " + String.join("; ", warnings));
                }
                return of(img);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageDecodeException ide) {
                throw ide;
            }
            throw new ImageDecodeException(name + ": corrupt or truncated image: " + e.getMessage(), e);
        }
    }

    /** Throws when {@code w x h} breaks {@code limits}. */
    public static void checkDimensions(String name, long w, long h, ImageLimits limits) {
        if (w <= 0 || h <= 0) {
            throw new ImageDecodeException(name + ": invalid dimensions " + w + "x" + h);
        }
        if (w > limits.maxWidth() || h > limits.maxHeight() || w * h > limits.maxPixels()) {
            throw new ImageDecodeException(name + ": " + w + "x" + h + " pixels is over the limit of "
                    + limits.maxWidth() + "x" + limits.maxHeight() + " and " + limits.maxPixels() + " pixels");
        }
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The backing BGR bytes (not a copy: do not modify). */
    public byte[] bgr() {
        return bgr;
    }

    /** The axis-aligned region {@code (x, y, w, h)}, clipped to the image, as a new image. */
    public Image crop(int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("crop (" + x + "," + y + "," + w + "," + h + ") lies outside the " + width + "x" + height + " image");
        }
        int cw = x1 - x0;
        int ch = y1 - y0;
        byte[] out = new byte[cw * ch * 3];
        for (int r = 0; r < ch; r++) {
            System.arraycopy(bgr, ((y0 + r) * width + x0) * 3, out, r * cw * 3, cw * 3);
        }
        return new Image(cw, ch, out);
    }

    /** A copy as an AWT {@code TYPE_3BYTE_BGR} image. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, data, 0, bgr.length);
        return img;
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "]";
    }
}
