package org.lpr.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;
import org.lpr.onnx.OnnxPlateDetector;
import org.lpr.onnx.OnnxPlateRecognizer;
import org.lpr.opencv.ClassicalPlateDetector;
import org.lpr.opencv.DnnPlateDetector;
import org.lpr.opencv.DnnPlateRecognizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Both backends on the same inputs: milliseconds per plate crop (32 plain lpr-synth 320x160 crops, read
 * one at a time in turn) and per plain 1280x720 lpr-synth scene (one plate), one inference thread each.
 * {@code backend}: {@code onnx} (ONNX Runtime, PP-OCRv4 with line finding: the onnx default),
 * {@code onnx-fast} (ONNX Runtime, whole crop, as OpenCV reads it), {@code opencv} (OpenCV DNN, DB
 * detector), {@code opencv-classical} (OpenCV, model-free detector; its recognizer is OpenCV DNN).
 * {@code baseline} copies one crop's and the scene's pixels.
 *
 * <p>{@code java -jar lpr-benchmarks/target/benchmarks.jar BackendBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class BackendBenchmark {
    @Param({"onnx", "onnx-fast", "opencv", "opencv-classical"})
    public String backend;

    private PlateRecognizer recognizer;
    private PlateDetector detector;
    private List<Image> crops;
    private Image scene;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        switch (backend) {
            case "onnx" -> {
                recognizer = OnnxPlateRecognizer.builder().threads(1).build();
                detector = OnnxPlateDetector.builder().threads(1).build();
            }
            case "onnx-fast" -> {
                recognizer = OnnxPlateRecognizer.builder().threads(1).findLines(false).build();
                detector = OnnxPlateDetector.builder().threads(1).build();
            }
            case "opencv" -> {
                recognizer = DnnPlateRecognizer.builder().threads(1).build();
                detector = DnnPlateDetector.builder().threads(1).build();
            }
            case "opencv-classical" -> {
                recognizer = DnnPlateRecognizer.builder().threads(1).build();
                detector = new ClassicalPlateDetector();
            }
            default -> throw new IllegalArgumentException("backend '" + backend + "' is not onnx, onnx-fast, opencv or opencv-classical");
        }
        crops = BenchmarkPlates.crops(32, 320, 160);
        scene = BenchmarkPlates.scene("KT4829", 1280, 720);
        recognizer.recognize(crops.get(0));
        detector.detect(scene);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recognizer.close();
        detector.close();
    }

    /** Copies one crop's and the scene's pixels: the floor under both measured methods. */
    @Benchmark
    public int baseline() {
        return crops.get(next++ & 31).bgr().clone().length + scene.bgr().clone().length;
    }

    /** Reads one plate crop (the 32 crops in turn). */
    @Benchmark
    public PlateReading recognize() {
        return recognizer.recognize(crops.get(next++ & 31));
    }

    /** Finds the plates of the 1280x720 scene, without reading them. */
    @Benchmark
    public List<PlateRegion> detect() {
        return detector.detect(scene);
    }
}
