import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs an ONNX model on ONNX Runtime (Java) for parity checks with the PyTorch interpreter:
 * reads raw little-endian float32 input of shape N x 3 x H x W, writes the first output as raw
 * float32. Usage: java -cp onnxruntime.jar OrtRun.java MODEL IN.bin N H W OUT.bin
 */
public class OrtRun {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        byte[] raw = Files.readAllBytes(Path.of(args[1]));
        long n = Long.parseLong(args[2]);
        long h = Long.parseLong(args[3]);
        long w = Long.parseLong(args[4]);
        FloatBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(2);
            try (OrtSession s = env.createSession(model.toString(), opts);
                 OnnxTensor t = OnnxTensor.createTensor(env, in, new long[] {n, 3, h, w});
                 OrtSession.Result r = s.run(java.util.Map.of(s.getInputNames().iterator().next(), t))) {
                OnnxTensor out = (OnnxTensor) r.get(0);
                FloatBuffer fb = out.getFloatBuffer();
                ByteBuffer bb = ByteBuffer.allocate(fb.remaining() * 4).order(ByteOrder.LITTLE_ENDIAN);
                bb.asFloatBuffer().put(fb);
                Files.write(Path.of(args[5]), bb.array());
                System.out.println("output shape " + java.util.Arrays.toString(out.getInfo().getShape()));
            }
        }
    }
}
