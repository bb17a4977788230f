package org.lpr.onnx;

import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * lpr-ocr-onnx's pure Java resampling against OpenCV's, on the two jobs the module does: scaling a
 * 1280x720 photo to the detector's 960x544 input, and warping a plate quadrilateral to a 48 px high text
 * line. In package {@code org.lpr.onnx} to reach the package-private {@code Warp}. The OpenCV side
 * includes copying pixels into and out of a {@code Mat}, as a caller holding an {@link Image} must.
 *
 * <p>{@code java -jar lpr-benchmarks/target/benchmarks.jar WarpBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class WarpBenchmark {
    private static final double[] PLATE = {590, 445, 700, 448, 698, 500, 588, 497};

    private Image photo;
    private Mat photoMat;

    @Setup(Level.Trial)
    public void setUp() {
        nu.pattern.OpenCV.loadLocally();
        byte[] px = new byte[1280 * 720 * 3];
        java.util.Random r = new java.util.Random(1);
        r.nextBytes(px);
        photo = Image.ofBgr(1280, 720, px);
        photoMat = new Mat(720, 1280, CvType.CV_8UC3);
        photoMat.put(0, 0, px);
    }

    /** Pure Java: photo to detector input. */
    @Benchmark
    public Image resizeJava() {
        return Warp.resize(photo, 960, 544);
    }

    /** OpenCV: photo to detector input, with the copies in and out. */
    @Benchmark
    public byte[] resizeOpenCv() {
        Mat in = new Mat(720, 1280, CvType.CV_8UC3);
        in.put(0, 0, photo.bgr());
        Mat out = new Mat();
        Imgproc.resize(in, out, new Size(960, 544), 0, 0, Imgproc.INTER_LINEAR);
        byte[] b = new byte[960 * 544 * 3];
        out.get(0, 0, b);
        in.release();
        out.release();
        return b;
    }

    /** Pure Java: plate quadrilateral to a 48 px text line. */
    @Benchmark
    public Image warpLineJava() {
        return Warp.warp(photo, PLATE, 100, 48);
    }

    /** OpenCV: the same warp on a Mat already holding the photo (the copy in would cost more than the warp). */
    @Benchmark
    public byte[] warpLineOpenCv() {
        MatOfPoint2f src = new MatOfPoint2f(new org.opencv.core.Point(PLATE[0], PLATE[1]), new org.opencv.core.Point(PLATE[2], PLATE[3]),
                new org.opencv.core.Point(PLATE[4], PLATE[5]), new org.opencv.core.Point(PLATE[6], PLATE[7]));
        MatOfPoint2f dst = new MatOfPoint2f(new org.opencv.core.Point(0, 0), new org.opencv.core.Point(100, 0),
                new org.opencv.core.Point(100, 48), new org.opencv.core.Point(0, 48));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Mat out = new Mat();
        Imgproc.warpPerspective(photoMat, out, m, new Size(100, 48), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        byte[] b = new byte[100 * 48 * 3];
        out.get(0, 0, b);
        out.release();
        m.release();
        return b;
    }
}
