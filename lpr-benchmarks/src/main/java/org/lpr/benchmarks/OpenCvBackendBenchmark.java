package org.lpr.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
 * The OpenCV backend on one rendered plate crop (240x120) and one rendered 640x480 scene: the
 * PP-OCRv4 recognizer and DB detector on OpenCV DNN, the model-free classical detector, and JPEG
 * decoding; {@code baseline} copies the scene's pixels.
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
        BufferedImage plate = plate("ABC1234", 240, 120);
        crop = Image.of(plate);
        BufferedImage s = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = s.createGraphics();
        g.setColor(new Color(110, 110, 115));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(120, 20, 25));
        g.fillRoundRect(120, 160, 420, 240, 60, 60);
        g.drawImage(plate("XKL7245", 140, 70), 260, 300, null);
        g.dispose();
        scene = Image.of(s);
        sceneJpeg = OpenCvImages.encodeJpeg(scene, 90);
    }

    private static BufferedImage plate(String text, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(245, 245, 240));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 30, 90));
        g.drawRect(2, 2, w - 5, h - 5);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, (int) (h * 0.5)));
        g.setColor(Color.BLACK);
        var fm = g.getFontMetrics();
        g.drawString(text, (w - fm.stringWidth(text)) / 2, (int) (h * 0.5 + fm.getAscent() * 0.36));
        g.dispose();
        return img;
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
