package org.lpr.benchmarks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.lpr.core.pipeline.Capture;
import org.lpr.core.pipeline.Lpr;
import org.lpr.core.pipeline.LprResult;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.onnx.EnsemblePlateRecognizer;
import org.lpr.onnx.OnnxPlateDetector;
import org.lpr.onnx.OnnxPlateRecognizer;
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
 * Milliseconds per plain 1280x720 lpr-synth scene (one plate) through the whole pipeline (find plates, read them, match an empty
 * hot list) on ONNX Runtime, and for the detector alone. The baseline is decoding-free: copying the scene's pixels.
 *
 * <p>{@code java -jar lpr-benchmarks/target/benchmarks.jar PipelineBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class PipelineBenchmark {
    @Param({"960"})
    public int longSide;

    /**
     * A second detector pass at this long side on every photo ({@code OnnxPlateDetector.Builder.longSides}, lpr's
     * {@code --detector-sizes 960,1280}); 0: none (and no second look where the first reads no plate, {@code Lpr}'s default
     * since 2026-11-30: this benchmark's one-plate scene would not take it).
     */
    @Param({"0"})
    public int secondLongSide;

    @Param({"2"})
    public int threads;

    /** {@code ensemble} (the command line's default) or {@code ppocr}. */
    @Param({"ppocr", "ensemble"})
    public String recognizer;

    private Lpr lpr;
    private OnnxPlateDetector detector;
    private Image scene;
    private Capture capture;

    @Setup(Level.Trial)
    public void setUp() {
        int[] sides = secondLongSide > 0 ? new int[] {longSide, secondLongSide} : new int[] {longSide};
        detector = OnnxPlateDetector.builder().longSides(sides).threads(threads).build();
        PlateRecognizer reader = recognizer.equals("ensemble")
                ? EnsemblePlateRecognizer.builder().threads(threads).build()
                : OnnxPlateRecognizer.builder().threads(threads).build();
        lpr = Lpr.builder().detector(detector).noSecondPass().recognizer(reader).build();
        scene = BenchmarkPlates.scene("KT4829", 1280, 720);
        capture = Capture.of(Instant.EPOCH, new Camera("bench", CameraKind.FIXED, "MO0000000"));
        lpr.process(scene, capture);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lpr.close();
    }

    /** Find, read and match every plate of one scene. */
    @Benchmark
    public LprResult scene() {
        return lpr.process(scene, capture);
    }

    /** Find the plates of one scene, without reading them. */
    @Benchmark
    public int detectOnly() {
        return detector.detect(scene).size();
    }

    /** Copying the scene's pixels. */
    @Benchmark
    public int baseline() {
        return scene.bgr().clone().length;
    }
}
