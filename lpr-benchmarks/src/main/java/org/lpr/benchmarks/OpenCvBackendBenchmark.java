package org.lpr.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRegion;
import org.lpr.opencv.ClassicalPlateDetector;
import org.lpr.opencv.DnnPlateDetector;
import org.lpr.opencv.DnnPlateRecognizer;
import org.lpr.opencv.OpenCvImages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OpenCV backend on one plain lpr-synth plate crop (240x120) and one plain 640x480 lpr-synth scene: the
 * PP-OCRv4 recognizer and DB detector on OpenCV DNN, the model-free classical detector, and JPEG
 * decoding by OpenCV and by core's ImageIO decoder; {@code baseline} copies the scene's pixels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class OpenCvBackendBenchmark {
    private DnnPlateRecognizer recognizer;
    private DnnPlateDetector dnn;
    private ClassicalPlateDetector classical;
    private Image crop;
    private Image scene;
    private byte[] sceneJpeg;

    @Setup
    public void setUp() {
        recognizer = DnnPlateRecognizer.builder().threads(1).build();
        dnn = DnnPlateDetector.builder().threads(1).build();
        classical = new ClassicalPlateDetector();
        crop = BenchmarkPlates.crop("ABC1234", 240, 120);
        scene = BenchmarkPlates.scene("XKL7245", 640, 480);
        sceneJpeg = OpenCvImages.encodeJpeg(scene, 90);
    }

    /** Copies the scene's pixels: the floor under every other figure. */
    @Benchmark
    public byte[] baseline() {
        return scene.bgr().clone();
    }

    /** Decodes the scene from JPEG with OpenCV, limits checked on the header. */
    @Benchmark
    public Image decodeJpeg() {
        return OpenCvImages.decode(sceneJpeg);
    }

    /** Decodes the same JPEG with core's pure-Java decoder (ImageIO, limits checked on the header), the command line's decoder for every backend. */
    @Benchmark
    public Image decodeJpegImageIo() {
        return Image.decode(sceneJpeg);
    }

    /** Reads one plate crop with PP-OCRv4 on OpenCV DNN (one thread). */
    @Benchmark
    public PlateReading recognizeCrop() {
        return recognizer.recognize(crop);
    }

    /** Finds plates in the scene with PP-OCRv4 det on OpenCV DNN (one network). */
    @Benchmark
    public List<PlateRegion> detectDnn() {
        return dnn.detect(scene);
    }

    /** Finds plates in the scene without a model. */
    @Benchmark
    public List<PlateRegion> detectClassical() {
        return classical.detect(scene);
    }
}
