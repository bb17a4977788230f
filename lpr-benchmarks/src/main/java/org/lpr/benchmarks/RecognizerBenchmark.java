package org.lpr.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.onnx.EnsemblePlateRecognizer;
import org.lpr.onnx.OnnxPlateRecognizer;
import org.lpr.synth.PlateRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plate crops read per second by the ONNX recognizers, one crop at a time and in batches of 32.
 * {@code ppocr} finds text lines in each crop first; {@code ppocr-fast} reads the whole crop as one line;
 * {@code ensemble} (the command line's default) reads each crop with {@code ppocr}, plate-rec-v3 and plate-lite together.
 * Both kinds of crops are lpr-synth's 32 random plates of seed 42: {@code crops=plain} frontal 320x160 crops
 * without camera effects or distractors (art, legend, slogan and serial), {@code crops=rendered} the same plates
 * with photo effects, whose slogans, stickers and side characters give the line reader as many lines as real
 * plate crops (about 5). The baseline copies the crops' pixels, the least any reader must do.
 *
 * <p>{@code java -jar lpr-benchmarks/target/benchmarks.jar RecognizerBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class RecognizerBenchmark {
    @Param({"ppocr", "ppocr-fast", "ensemble"})
    public String recognizer;

    @Param({"2"})
    public int threads;

    @Param({"plain", "rendered"})
    public String crops;

    private PlateRecognizer reader;
    private List<Image> batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        reader = recognizer.equals("ensemble")
                ? EnsemblePlateRecognizer.builder().threads(threads).build()
                : OnnxPlateRecognizer.builder().threads(threads).findLines(recognizer.equals("ppocr")).build();
        if (crops.equals("rendered")) {
            PlateRenderer renderer = PlateRenderer.builder().seed(42).build();
            batch = java.util.stream.LongStream.range(0, 32).mapToObj(i -> renderer.render(i).image()).toList();
        } else if (crops.equals("plain")) {
            batch = BenchmarkPlates.crops(32, 320, 160);
        } else {
            throw new IllegalArgumentException("crops must be plain or rendered, got " + crops);
        }
        reader.recognizeAll(batch);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reader.close();
    }

    /** Crops per second, one crop per call. */
    @Benchmark
    public PlateReading single() {
        Image crop = batch.get(next++ & 31);
        return reader.recognize(crop);
    }

    /** Crops per second, 32 crops per call (JMH divides by 32). */
    @Benchmark
    @OperationsPerInvocation(32)
    public List<PlateReading> batch32() {
        return reader.recognizeAll(batch);
    }

    /** Copying the crops' pixels: the floor under any reader. */
    @Benchmark
    public long baseline() {
        long sum = 0;
        for (Image i : batch) {
            sum += i.bgr().clone().length;
        }
        return sum;
    }
}
