package org.lpr.opencv;

import java.nio.file.Path;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/**
 * Writes frames to a Motion-JPEG AVI file with OpenCV's built-in writer (available in every build,
 * FFMPEG or not): for recording evidence clips and for making test video.
 */
public final class MjpegAviWriter implements AutoCloseable {
    private final VideoWriter writer;
    private final int width;
    private final int height;
    private final Path file;

    /** Opens {@code file} for {@code width x height} frames at {@code fps}. */
    public MjpegAviWriter(Path file, int width, int height, double fps) {
        if (width <= 0 || height <= 0 || !(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("video " + width + "x" + height + " at " + fps + " fps: sizes must be positive and fps in (0, 1000]");
        }
        Natives.load();
        this.file = file;
        this.width = width;
        this.height = height;
        this.writer = new VideoWriter(file.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), fps, new Size(width, height));
        if (!writer.isOpened()) {
            writer.release();
            throw new LprException("cannot open " + file + " for writing Motion-JPEG AVI (is the name .avi and the folder writable?)");
        }
    }

    /** Appends one frame; it must be the size given at opening. */
    public void write(Image frame) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + frame.width() + "x" + frame.height() + " does not match the video's " + width + "x" + height);
        }
        Mat m = Mats.of(frame);
        try {
            writer.write(m);
        } finally {
            m.release();
        }
    }

    @Override
    public void close() {
        writer.release();
    }

    @Override
    public String toString() {
        return "MjpegAviWriter[" + file + "]";
    }
}
