package org.lpr.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import org.lpr.core.ModelLoadException;
import org.lpr.core.RecognitionException;

/** One ONNX Runtime session, created once; {@link OrtSession#run} is thread-safe, so calls share it. */
final class OrtModel implements AutoCloseable {
    /** Whether idle ONNX Runtime threads spin ({@code -Dlpr.onnx.spin=true}): lower latency on a dedicated machine. */
    private static final boolean SPIN = Boolean.getBoolean("lpr.onnx.spin");
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final String source;

    OrtModel(String source, int threads) {
        this.source = source;
        byte[] bytes;
        try (InputStream in = OcrModel.open(source)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read ONNX model " + source + ": " + e.getMessage(), e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // idle intra-op threads would otherwise spin, burning the cores that other work on the machine needs
            options.addConfigEntry("session.intra_op.allow_spinning", SPIN ? "1" : "0");
            session = env.createSession(bytes, options);
            inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime cannot load model " + source + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model on a float tensor and returns its first output as a flat array with its shape. */
    Output run(FloatBuffer input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape)) {
            return run(tensor);
        } catch (OrtException e) {
            throw new RecognitionException("model " + source + " failed on input " + java.util.Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model on a uint8 tensor. */
    Output runBytes(ByteBuffer input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape, ai.onnxruntime.OnnxJavaType.UINT8)) {
            return run(tensor);
        } catch (OrtException e) {
            throw new RecognitionException("model " + source + " failed on input " + java.util.Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    private Output run(OnnxTensor tensor) throws OrtException {
        try (OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            // getFloatBuffer copies the native output once into a fresh heap buffer: take its array rather than copy it again
            FloatBuffer fb = out.getFloatBuffer();
            float[] data;
            if (fb.hasArray() && fb.arrayOffset() == 0 && fb.position() == 0 && fb.remaining() == fb.array().length) {
                data = fb.array();
            } else {
                data = new float[fb.remaining()];
                fb.get(data);
            }
            return new Output(data, shape);
        }
    }

    /** The model's custom metadata (PaddleOCR exports keep the character list there). */
    Map<String, String> metadata() {
        try {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            return Map.of();
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new RecognitionException("cannot close model " + source + ": " + e.getMessage(), e);
        }
    }

    /** A model output: flat data in row-major order and its shape. */
    record Output(float[] data, long[] shape) {
    }
}
