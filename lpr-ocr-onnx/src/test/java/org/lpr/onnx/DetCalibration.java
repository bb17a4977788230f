package org.lpr.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateRegion;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedScene;

/**
 * Tools for the int8 detector (not a test; run with the module's test class path, see training/README.md):
 * <ul>
 *   <li>{@code calib MODEL NAMES OUT_PREFIX SCENES [IMAGE_DIR]}: runs {@code MODEL} (the float detector with
 *   the tensors in {@code NAMES} added as outputs, from {@code quantize_qdq.py calib-outputs}) on synthetic scenes
 *   {@code 0..SCENES-1} (renderer seed 9001) and the images in {@code IMAGE_DIR}, preprocessed exactly as the
 *   detector does at long side 960, and writes each tensor's range to {@code OUT_PREFIX-minmax.tsv} (min and max
 *   over all inputs) and {@code OUT_PREFIX-pct.tsv} (the 0.01 % and 99.99 % percentiles, the extremes over the
 *   inputs).</li>
 *   <li>{@code compare FLOAT INT8 SCENES ROUNDS}: on synthetic scenes of another seed (77), the two models' map
 *   agreement and whether {@link OnnxPlateDetector} finds the rendered plate with each; then the time of one
 *   detector run at 960x544 (the dev photos' size), the two models interleaved.</li>
 *   <li>{@code optimize MODEL OUT}: writes the graph ONNX Runtime runs after its optimizations and counts its ops.</li>
 * </ul>
 */
final class DetCalibration {
    private DetCalibration() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "calib" -> calib(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    args.length > 5 ? Path.of(args[5]) : null);
            case "compare" -> compare(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "optimize" -> optimize(args[1], args[2]);
            case "profile" -> profile(args[1], args[2]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static List<Image> calibrationImages(int scenes, Path dir) throws IOException {
        List<Image> images = new ArrayList<>();
        PlateRenderer renderer = PlateRenderer.builder().seed(9001).build();
        for (int i = 0; i < scenes; i++) {
            images.add(renderer.renderScene(i).image());
        }
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString().toLowerCase();
                    if (n.endsWith(".jpg") || n.endsWith(".png")) {
                        images.add(Image.read(p));
                    }
                }
            }
        }
        return images;
    }

    private static void calib(Path model, Path namesFile, String out, int scenes, Path dir) throws Exception {
        List<String> names = Files.readAllLines(namesFile).stream().filter(s -> !s.isBlank()).toList();
        List<Image> images = calibrationImages(scenes, dir);
        Map<String, double[]> r = new LinkedHashMap<>();
        for (String n : names) {
            r.put(n, new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE});
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(2);
            try (OrtSession s = env.createSession(model.toString(), o)) {
                Set<String> wanted = new HashSet<>(names);
                int k = 0;
                for (Image img : images) {
                    DbTextDetector.Input in = DbTextDetector.input(img, 960);
                    try (OnnxTensor t = OnnxTensor.createTensor(env, in.data(), new long[] {1, 3, in.h(), in.w()});
                         OrtSession.Result res = s.run(Map.of("x", t), wanted)) {
                        for (Map.Entry<String, OnnxValue> e : res) {
                            float[] v = floats((OnnxTensor) e.getValue());
                            double[] acc = r.get(e.getKey());
                            float[] sorted = sample(v, 400_000);
                            Arrays.sort(sorted);
                            acc[0] = Math.min(acc[0], sorted[0]);
                            acc[1] = Math.max(acc[1], sorted[sorted.length - 1]);
                            acc[2] = Math.min(acc[2], sorted[(int) (sorted.length * 0.0001)]);
                            acc[3] = Math.max(acc[3], sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.9999)]);
                        }
                    }
                    System.err.print("\rcalibrated " + (++k) + "/" + images.size());
                }
            }
        }
        System.err.println();
        try (PrintWriter mm = new PrintWriter(out + "-minmax.tsv"); PrintWriter pc = new PrintWriter(out + "-pct.tsv")) {
            for (Map.Entry<String, double[]> e : r.entrySet()) {
                double[] a = e.getValue();
                mm.printf("%s\t%.6g\t%.6g%n", e.getKey(), a[0], a[1]);
                pc.printf("%s\t%.6g\t%.6g%n", e.getKey(), a[2], a[3]);
            }
        }
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer fb = t.getFloatBuffer();
        float[] v = new float[fb.remaining()];
        fb.get(v);
        return v;
    }

    /** At most {@code n} values, evenly strided (the whole array when it is small). */
    private static float[] sample(float[] v, int n) {
        if (v.length <= n) {
            return v.clone();
        }
        float[] s = new float[n];
        double step = (double) v.length / n;
        for (int i = 0; i < n; i++) {
            s[i] = v[(int) (i * step)];
        }
        return s;
    }

    private static void compare(String floatModel, String int8Model, int scenes, int rounds) {
        PlateRenderer renderer = PlateRenderer.builder().seed(77).build();
        try (DbTextDetector f = new DbTextDetector(floatModel, 2); DbTextDetector q = new DbTextDetector(int8Model, 2);
             OnnxPlateDetector pf = OnnxPlateDetector.builder().modelSource(floatModel).threads(2).build();
             OnnxPlateDetector pq = OnnxPlateDetector.builder().modelSource(int8Model).threads(2).build()) {
            double sumAbs = 0;
            double maxAbs = 0;
            double sumIou = 0;
            int foundF = 0;
            int foundQ = 0;
            int boxesF = 0;
            int boxesQ = 0;
            List<Image> timing = new ArrayList<>();
            for (int i = 0; i < scenes; i++) {
                RenderedScene sc = renderer.renderScene(i);
                DbTextDetector.Input in = DbTextDetector.input(sc.image(), 960);
                float[] mf = f.map(in);
                float[] mq = q.map(in);
                long inter = 0;
                long union = 0;
                for (int j = 0; j < mf.length; j++) {
                    double d = Math.abs(mf[j] - mq[j]);
                    sumAbs += d / mf.length;
                    maxAbs = Math.max(maxAbs, d);
                    boolean a = mf[j] > 0.3f;
                    boolean b = mq[j] > 0.3f;
                    inter += a && b ? 1 : 0;
                    union += a || b ? 1 : 0;
                }
                sumIou += union == 0 ? 1 : (double) inter / union;
                boxesF += DbTextDetector.boxes(mf, in.w(), in.h(), 1, 1).size();
                boxesQ += DbTextDetector.boxes(mq, in.w(), in.h(), 1, 1).size();
                foundF += found(pf.detect(sc.image()), sc.outline()) ? 1 : 0;
                foundQ += found(pq.detect(sc.image()), sc.outline()) ? 1 : 0;
                if (timing.size() < 8) {
                    timing.add(Warp.resize(sc.image(), 1280, 720));
                }
            }
            System.out.printf("scenes %d: map mean |diff| %.4f, max |diff| %.3f, binary map IoU %.4f; text boxes float %d int8 %d;"
                    + " plate found (IoU>0.4) float %d int8 %d%n", scenes, sumAbs / scenes, maxAbs, sumIou / scenes, boxesF, boxesQ,
                    foundF, foundQ);
            long tf = 0;
            long tq = 0;
            int n = 0;
            for (Image img : timing) {
                f.detect(img, 960);
                q.detect(img, 960);
            }
            for (int round = 0; round < rounds; round++) {
                for (Image img : timing) {
                    long t0 = System.nanoTime();
                    f.detect(img, 960);
                    long t1 = System.nanoTime();
                    q.detect(img, 960);
                    long t2 = System.nanoTime();
                    tf += t1 - t0;
                    tq += t2 - t1;
                    n++;
                }
            }
            System.out.printf("detector at 960x544, %d runs each, interleaved, 2 threads: float %.1f ms, int8 %.1f ms%n",
                    n, tf / 1e6 / n, tq / 1e6 / n);
        }
    }

    private static boolean found(List<PlateRegion> regions, Polygon truth) {
        return regions.stream().anyMatch(r -> r.polygon().boundingBoxIoU(truth) > 0.4);
    }

    private static void profile(String model, String out) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Image img = Warp.resize(PlateRenderer.builder().seed(77).build().renderScene(0).image(), 1280, 720);
        DbTextDetector.Input in = DbTextDetector.input(img, 960);
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(System.getProperty("optLevel", "ALL_OPT")));
            o.setIntraOpNumThreads(2);
            o.addConfigEntry("session.intra_op.allow_spinning", "0");
            o.enableProfiling(out);
            try (OrtSession s = env.createSession(model, o)) {
                for (int i = 0; i < 6; i++) {
                    try (OnnxTensor t = OnnxTensor.createTensor(env, in.data().duplicate(), new long[] {1, 3, in.h(), in.w()});
                         OrtSession.Result r = s.run(Map.of("x", t))) {
                        r.get(0);
                    }
                }
                System.out.println("profile: " + s.endProfiling());
            }
        }
    }

    private static void optimize(String model, String out) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setOptimizedModelFilePath(out);
            try (OrtSession s = env.createSession(model, o)) {
                System.out.println("optimized graph written to " + out + " (inputs " + s.getInputNames() + ")");
            }
        }
    }
}
