package org.lpr.opencv;

import java.nio.file.Path;
import org.lpr.core.ImageDecodeException;
import org.lpr.core.image.Image;
import org.lpr.core.image.ImageLimits;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes JPEG, PNG, BMP and WebP images with OpenCV's {@code imdecode}. The header is parsed and
 * checked against {@link ImageLimits} before any pixel is decoded, so a hostile file cannot make the
 * decoder allocate gigabytes; corrupt, truncated and unknown files fail with an
 * {@link ImageDecodeException} naming the file and the problem. GIF, which OpenCV 4.9 cannot decode,
 * goes to core's {@link Image#decode(byte[], ImageLimits, String)}.
 */
public final class OpenCvImages {
    private OpenCvImages() {
    }

    /** Decodes a file with {@link ImageLimits#DEFAULT}. */
    public static Image read(Path file) {
        return read(file, ImageLimits.DEFAULT);
    }

    /** Decodes a file, checking its size and header against {@code limits} first. */
    public static Image read(Path file, ImageLimits limits) {
        return decode(Image.readEncoded(file, limits), limits, file.toString());
    }

    /** Decodes encoded bytes with {@link ImageLimits#DEFAULT}. */
    public static Image decode(byte[] encoded) {
        return decode(encoded, ImageLimits.DEFAULT, "image");
    }

    /**
     * Decodes encoded image bytes to BGR.
     *
     * @param name names the image in error messages (usually the file)
     * @throws ImageDecodeException naming the image and the problem
     */
    public static Image decode(byte[] encoded, ImageLimits limits, String name) {
        Image.checkEncoded(encoded, limits, name);
        ImageHeader header = ImageHeader.parse(encoded, name);
        Image.checkDimensions(name, header.width(), header.height(), limits);
        if (header.format() == ImageHeader.Format.GIF) {
            return Image.decode(encoded, limits, name);
        }
        Natives.load();
        MatOfByte buf = new MatOfByte(encoded);
        Mat decoded = null;
        try {
            decoded = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR);
            if (decoded.empty()) {
                throw new ImageDecodeException(name + ": corrupt or truncated " + header.format() + " image (OpenCV could not decode it)");
            }
            if (decoded.cols() != header.width() || decoded.rows() != header.height()) {
                // EXIF rotation swaps the sides; anything else means the header lied
                if (!(decoded.cols() == header.height() && decoded.rows() == header.width())) {
                    throw new ImageDecodeException(name + ": decoded " + decoded.cols() + "x" + decoded.rows()
                            + " pixels but the header says " + header.width() + "x" + header.height());
                }
            }
            return Mats.toImage(decoded);
        } catch (org.opencv.core.CvException e) {
            throw new ImageDecodeException(name + ": corrupt " + header.format() + " image: " + e.getMessage(), e);
        } finally {
            buf.release();
            if (decoded != null) {
                decoded.release();
            }
        }
    }

    /** Encodes an image as JPEG at {@code quality} (1 to 100), for storing evidence images or making test video. */
    public static byte[] encodeJpeg(Image image, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is outside 1..100");
        }
        Mat m = Mats.of(image);
        MatOfByte out = new MatOfByte();
        try {
            Imgcodecs.imencode(".jpg", m, out, new org.opencv.core.MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
            return out.toArray();
        } finally {
            m.release();
            out.release();
        }
    }

    /** Encodes an image as PNG. */
    public static byte[] encodePng(Image image) {
        Mat m = Mats.of(image);
        MatOfByte out = new MatOfByte();
        try {
            Imgcodecs.imencode(".png", m, out);
            return out.toArray();
        } finally {
            m.release();
            out.release();
        }
    }
}
