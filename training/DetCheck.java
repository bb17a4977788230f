import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * Checks an exported plate-det model on both runtimes the SDK uses: runs the sample input written by
 * {@code train_det.py export --sample PREFIX} on ONNX Runtime and on OpenCV DNN, prints each one's largest
 * difference from PyTorch's output and its median time per picture on one thread.
 * Usage: java -cp onnxruntime.jar:opencv.jar DetCheck.java MODEL PREFIX H W
 */
public class DetCheck {
    public static void main(String[] args) throws Exception {
        String model = args[0];
        float[] in = read(Path.of(args[1] + ".in.f32"));
        float[] ref = read(Path.of(args[1] + ".out.f32"));
        int h = Integer.parseInt(args[2]);
        int w = Integer.parseInt(args[3]);
        int runs = 30;

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession s = env.createSession(model, opts);
                 OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(in), new long[] {1, 3, h, w})) {
                float[] out = null;
                long[] times = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    try (OrtSession.Result r = s.run(Map.of("x", t))) {
                        FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                        out = new float[fb.remaining()];
                        fb.get(out);
                    }
                    times[i] = System.nanoTime() - t0;
                }
                report("onnxruntime", out, ref, times);
            }
        }

        nu.pattern.OpenCV.loadLocally();
        org.opencv.core.Core.setNumThreads(1);
        Net net = Dnn.readNetFromONNX(model);
        Mat blob = new Mat(new int[] {1, 3, h, w}, CvType.CV_32F);
        blob.put(new int[] {0, 0, 0, 0}, in);
        float[] out = null;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            net.setInput(blob);
            Mat o = net.forward();
            out = new float[(int) o.total()];
            o.reshape(1, 1).get(0, 0, out);
            times[i] = System.nanoTime() - t0;
        }
        report("opencv-dnn", out, ref, times);
    }

    private static void report(String name, float[] out, float[] ref, long[] times) {
        if (out.length != ref.length) {
            System.out.printf("%s: output has %d values, PyTorch %d%n", name, out.length, ref.length);
            return;
        }
        double diff = 0;
        for (int i = 0; i < out.length; i++) {
            diff = Math.max(diff, Math.abs(out[i] - ref[i]));
        }
        Arrays.sort(times);
        System.out.printf("%s: max diff %.2e, median %.1f ms, best %.1f ms per picture (1 thread)%n",
                name, diff, times[times.length / 2] / 1e6, times[0] / 1e6);
    }

    private static float[] read(Path p) throws Exception {
        FloatBuffer fb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] a = new float[fb.remaining()];
        fb.get(a);
        return a;
    }
}
