import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Runs the frozen PP-OCRv4 backbone (ppocrv4-backbone.onnx, cut at 'p2o.AveragePool.1') on ONNX
 * Runtime over a folder's labels.csv and writes DIR/features-48x128.f32 (N x 480 x 16 float32,
 * little-endian) and DIR/features-48x128.txt (file,state,plate per line). ONNX Runtime is several
 * times faster than PyTorch here, and its preprocessing is the SDK's: see {@link #preprocess}.
 *
 * <p>Usage: java -cp onnxruntime.jar FeatureCache.java BACKBONE.onnx DIR [DIR...]
 *
 * <p>With {@code --eval MODEL.onnx LABELS.csv [PROBS_OUT.f32]} it instead reads every crop of a
 * labels.csv ({@code file,state,plate}) with the whole recognizer, one crop at a time, decodes the
 * CTC output greedily and prints exact-match accuracy and the time per crop; the output
 * probabilities can be saved for decoding experiments (eval_decode.py).
 */
public class FeatureCache {
    static final int W = 128;
    static final int H = 48;

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(Integer.getInteger("threads", 1));
        // spinning threads burn the shared cores while waiting
        opts.addConfigEntry("session.intra_op.allow_spinning", "0");
        if (args[0].equals("--eval")) {
            try (OrtSession s = env.createSession(args[1], opts)) {
                eval(env, s, Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
            }
            return;
        }
        try (OrtSession s = env.createSession(args[0], opts)) {
            for (int a = 1; a < args.length; a++) {
                cache(env, s, Path.of(args[a]));
            }
        }
    }

    static void cache(OrtEnvironment env, OrtSession s, Path dir) throws Exception {
        Path out = dir.resolve("features-48x128.f32");
        Path done = dir.resolve("features-48x128.txt");
        if (Files.exists(done)) {
            System.out.println("skip " + dir);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length == 3 && f[0].endsWith(".png") || f.length == 3 && f[0].endsWith(".jpg")) {
                rows.add(f);
            }
        }
        long t0 = System.nanoTime();
        int batch = 32;
        long rowBytes = 480L * (W / 8) * 4;
        int first = 0;
        if (Files.exists(out)) {
            // resume after the last whole row an interrupted run wrote
            first = (int) Math.min(rows.size(), Files.size(out) / rowBytes);
            try (var ch = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(first * rowBytes);
            }
            System.out.println("resuming " + dir + " at " + first);
        }
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(out.toFile(), true), 1 << 20))) {
            for (int i = first; i < rows.size(); i += batch) {
                int n = Math.min(batch, rows.size() - i);
                float[] x = new float[n * 3 * H * W];
                for (int k = 0; k < n; k++) {
                    Path p = rows.get(i + k)[0].startsWith("/") ? Path.of(rows.get(i + k)[0]) : dir.resolve(rows.get(i + k)[0]);
                    preprocess(ImageIO.read(p.toFile()), x, k * 3 * H * W);
                }
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 3, H, W});
                     OrtSession.Result r = s.run(Map.of("x", t))) {
                    FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
                    ByteBuffer bb = ByteBuffer.allocate(fb.remaining() * 4).order(ByteOrder.LITTLE_ENDIAN);
                    bb.asFloatBuffer().put(fb);
                    o.write(bb.array());
                }
                if (((i - first) / batch) % 50 == 0) {
                    System.out.printf("%s %d/%d %.1f img/s%n", dir, i, rows.size(), (i - first + n) / ((System.nanoTime() - t0) / 1e9));
                }
            }
        }
        StringBuilder labels = new StringBuilder();
        for (String[] r : rows) {
            labels.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        }
        Files.writeString(done, labels.toString());
        System.out.printf("wrote %s: %d plates in %.0f s%n", out, rows.size(), (System.nanoTime() - t0) / 1e9);
    }

    static void eval(OrtEnvironment env, OrtSession s, Path labels, Path probsOut) throws Exception {
        Path base = labels.toAbsolutePath().getParent();
        int right = 0;
        int n = 0;
        long nanos = 0;
        StringBuilder misses = new StringBuilder();
        ByteBuffer all = null;
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length != 3 || f[0].equals("file")) {
                continue;
            }
            Path p = f[0].startsWith("/") ? Path.of(f[0]) : base.resolve(f[0]);
            BufferedImage img = ImageIO.read(p.toFile());
            long t0 = System.nanoTime();
            float[] x = new float[3 * H * W];
            preprocess(img, x, 0);
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, H, W});
                 OrtSession.Result r = s.run(Map.of("x", t))) {
                OnnxTensor out = (OnnxTensor) r.get(0);
                long[] shape = out.getInfo().getShape();
                FloatBuffer fb = out.getFloatBuffer();
                float[] probs = new float[fb.remaining()];
                fb.get(probs);
                nanos += System.nanoTime() - t0;
                int steps = (int) shape[1];
                int classes = (int) shape[2];
                StringBuilder got = new StringBuilder();
                int prev = 0;
                for (int tt = 0; tt < steps; tt++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (probs[tt * classes + c] > probs[tt * classes + best]) {
                            best = c;
                        }
                    }
                    if (best != prev && best != 0) {
                        got.append(ALPHABET.charAt(best - 1));
                    }
                    prev = best;
                }
                n++;
                if (got.toString().equals(f[2])) {
                    right++;
                } else {
                    misses.append(f[0].substring(f[0].lastIndexOf('/') + 1)).append(' ').append(f[2]).append(" -> ").append(got).append('\n');
                }
                if (probsOut != null) {
                    if (all == null) {
                        all = ByteBuffer.allocate(lines.size() * probs.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    }
                    all.asFloatBuffer().position(0);
                    for (float v : probs) {
                        all.putFloat(v);
                    }
                }
            }
        }
        if (probsOut != null && all != null) {
            Files.write(probsOut, java.util.Arrays.copyOf(all.array(), all.position()));
        }
        System.out.print(misses);
        System.out.printf("exact %d/%d = %.2f%%, %.2f ms/crop (preprocess + ONNX Runtime, batch 1)%n", right, n, 100.0 * right / n,
                nanos / 1e6 / n);
    }

    /**
     * The recognizer's input: the whole crop resized to 128x48 ignoring aspect (halving first while
     * the crop is over twice the size, then bilinear), channels B, G, R, values x / 127.5 - 1, CHW.
     */
    static void preprocess(BufferedImage img, float[] x, int offset) {
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= W && cur.getHeight() / 2 >= H) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        cur = draw(cur, W, H);
        int plane = H * W;
        for (int y = 0; y < H; y++) {
            for (int xx = 0; xx < W; xx++) {
                int rgb = cur.getRGB(xx, y);
                int i = offset + y * W + xx;
                x[i] = (rgb & 255) / 127.5f - 1f;
                x[i + plane] = ((rgb >> 8) & 255) / 127.5f - 1f;
                x[i + 2 * plane] = ((rgb >> 16) & 255) / 127.5f - 1f;
            }
        }
    }

    static BufferedImage draw(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
