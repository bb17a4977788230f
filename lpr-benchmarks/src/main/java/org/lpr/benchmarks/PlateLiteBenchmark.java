package org.lpr.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.onnx.OcrModel;
import org.lpr.onnx.OnnxPlateRecognizer;
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
 * Plate crops (32 plain lpr-synth 320x160 crops) read per second by the shipped model descriptors on ONNX Runtime, one crop at a
 * time and in batches of 32: preprocessing (halving, resize, normalization), inference and CTC decoding.
 * {@code threads} is the recognizer's thread count (crops of a batch read at once, each model session on one thread) and
 * the bare model's ONNX Runtime intra-op thread count; the baseline copies the crops' pixels;
 * {@code inference32} runs the bare model on a ready batch of 32 inputs (no preprocessing, no decoding).
 *
 * <p>{@code java -jar lpr-benchmarks/target/benchmarks.jar PlateLiteBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class PlateLiteBenchmark {
    @Param({"plate-lite"})
    public String model;

    @Param({"2"})
    public int threads;

    private OnnxPlateRecognizer reader;
    private List<Image> batch;
    private int next;
    private OrtEnvironment env;
    private OrtSession session;
    private OnnxTensor input;

    /** Loads the model into a bare ONNX Runtime session and into the SDK's recognizer, and renders the crops. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, OrtException {
        OcrModel descriptor = OcrModel.loadResource("/org/lpr/onnx/models/" + model + ".properties");
        env = OrtEnvironment.getEnvironment();
        byte[] bytes;
        String resource = descriptor.source().substring(OcrModel.CLASSPATH.length());
        try (InputStream in = PlateLiteBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("model " + model + ": resource " + resource + " is not on the class path");
            }
            bytes = in.readAllBytes();
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(bytes, options);
        }
        int channels = descriptor.colour() == OcrModel.Colour.GRAY ? 1 : 3;
        float[] data = new float[32 * channels * descriptor.inputHeight() * descriptor.inputWidth()];
        Random rnd = new Random(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextFloat() * 2 - 1;
        }
        input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data),
                new long[] {32, channels, descriptor.inputHeight(), descriptor.inputWidth()});
        reader = OnnxPlateRecognizer.builder().model(descriptor).threads(threads).batchSize(32).build();
        batch = BenchmarkPlates.crops(32, 320, 160);
        reader.recognizeAll(batch);
    }

    /** Closes the recognizer, the input tensor and the session. */
    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        reader.close();
        input.close();
        session.close();
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

    /** Crops per second through the bare model: one ONNX Runtime call on 32 prepared inputs. */
    @Benchmark
    @OperationsPerInvocation(32)
    public long inference32() throws OrtException {
        try (OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            return ((OnnxTensor) r.get(0)).getFloatBuffer().remaining();
        }
    }

    /** Copying the crops' pixels: the floor under any reader. */
    @Benchmark
    @OperationsPerInvocation(32)
    public long baseline() {
        long sum = 0;
        for (Image i : batch) {
            sum += i.bgr().clone().length;
        }
        return sum;
    }
}
