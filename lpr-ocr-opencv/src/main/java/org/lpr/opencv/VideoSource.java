package org.lpr.opencv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.lpr.core.ImageDecodeException;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.image.ImageLimits;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Frames from a video file, a camera or a stream, decoded by OpenCV's {@code videoio}. Not
 * thread-safe: one reader at a time.
 *
 * <p>What the bundled build ({@code org.openpnp:opencv:4.9.0-0}) can open: Motion-JPEG AVI files
 * (OpenCV's built-in reader), numbered image sequences ({@code frame_%04d.jpg}) and, on Linux, V4L2
 * cameras. It has no FFMPEG or GStreamer, so H.264/H.265 files and network streams (RTSP, HTTP) do
 * not open with it; {@link #open(String)} says so. A build of OpenCV with FFMPEG on the class path
 * opens them with the same code.
 */
public final class VideoSource implements AutoCloseable {
    private final VideoCapture capture;
    private final String name;
    private final double fps;
    private final boolean live;
    private final ImageLimits limits;
    private final Mat frame = new Mat();
    private long next;

    private VideoSource(VideoCapture capture, String name, boolean live, ImageLimits limits) {
        this.capture = capture;
        this.name = name;
        this.live = live;
        this.limits = limits;
        double f = capture.get(Videoio.CAP_PROP_FPS);
        this.fps = f > 0 && f < 1000 ? f : 0;
        long w = (long) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
        long h = (long) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
        if (w > 0 && h > 0) {
            Image.checkDimensions(name, w, h, limits); // before any frame is decoded
        }
    }

    /** Opens a video file (Motion-JPEG AVI with the bundled build). */
    public static VideoSource open(Path file) {
        return open(file, ImageLimits.DEFAULT);
    }

    /** Opens a video file whose frames must keep within {@code limits}. */
    public static VideoSource open(Path file, ImageLimits limits) {
        if (!Files.isRegularFile(file)) {
            throw new ImageDecodeException(file + ": no such video file");
        }
        Natives.load();
        VideoCapture c = new VideoCapture(file.toString());
        if (!c.isOpened()) {
            c.release();
            throw new ImageDecodeException(file + ": cannot open as video: not a Motion-JPEG AVI, or corrupt"
                    + " (the bundled OpenCV build has no FFMPEG, so H.264/H.265 and other codecs are not readable)");
        }
        return new VideoSource(c, file.toString(), false, limits);
    }

    /** Opens a stream URL or any source name OpenCV understands; fails with the reason when the build cannot. */
    public static VideoSource open(String url) {
        Natives.load();
        VideoCapture c = new VideoCapture(url);
        if (!c.isOpened()) {
            c.release();
            String why = url.contains("://")
                    ? "this OpenCV build (org.openpnp:opencv 4.9.0) has neither FFMPEG nor GStreamer, so it cannot read network streams"
                    : "not an existing Motion-JPEG AVI file or image sequence";
            throw new LprException("cannot open video source '" + url + "': " + why);
        }
        return new VideoSource(c, url, url.contains("://"), ImageLimits.DEFAULT);
    }

    /** Opens camera number {@code index} (V4L2 on Linux). */
    public static VideoSource openCamera(int index) {
        Natives.load();
        VideoCapture c = new VideoCapture(index);
        if (!c.isOpened()) {
            c.release();
            throw new LprException("cannot open camera " + index + ": no such device or no permission");
        }
        return new VideoSource(c, "camera " + index, true, ImageLimits.DEFAULT);
    }

    /** The source's frame rate, or 0 when it does not say. */
    public double fps() {
        return fps;
    }

    /** Whether the source runs in real time (camera, stream) rather than being read as fast as it decodes (file). */
    public boolean live() {
        return live;
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** Which OpenCV backend reads the source, e.g. {@code CV_MJPEG}. */
    public String backend() {
        return capture.getBackendName();
    }

    /** The next frame, or empty at the end of the video. */
    public Optional<VideoFrame> next() {
        if (!capture.read(frame) || frame.empty()) {
            return Optional.empty();
        }
        Image.checkDimensions(name + " frame " + next, frame.cols(), frame.rows(), limits);
        long index = next++;
        Duration position = fps > 0 ? Duration.ofNanos(Math.round(index * 1e9 / fps))
                : Duration.ofMillis((long) capture.get(Videoio.CAP_PROP_POS_MSEC));
        return Optional.of(new VideoFrame(index, position, Mats.toImage(frame)));
    }

    @Override
    public void close() {
        capture.release();
        frame.release();
    }
}
