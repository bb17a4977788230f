package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateReading;

/**
 * The same ONNX files, fed the same input arrays, give the same outputs on OpenCV DNN as on ONNX
 * Runtime (the engine lpr-ocr-onnx uses) within {@link #TOLERANCE}, and so decode to the same plates.
 * ONNX Runtime runs the unmodified model files; OpenCV runs them with the input shape fixed.
 */
class OnnxRuntimeEquivalenceTest {
    /** Largest difference allowed between the two engines' probabilities (float32 arithmetic in different orders). */
    static final double TOLERANCE = 1e-3;

    private static OrtEnvironment env;
    private static OrtSession rec;
    private static OrtSession det;

    @BeforeAll
    static void open() throws Exception {
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(2);
        rec = env.createSession(ModelBytes.read(RecognizerModel.ppOcrV4().location()), options);
        det = env.createSession(ModelBytes.read(DnnPlateDetector.PP_OCR_V4_DET), options);
    }

    @AfterAll
    static void close() throws Exception {
        rec.close();
        det.close();
    }

    private static float[] run(OrtSession s, float[] input, long[] shape) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result r = s.run(Map.of("x", t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] a = new float[out.remaining()];
            out.get(a);
            return a;
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void recognizer_sameInput_sameProbabilitiesAndSameReading() throws Exception {
        DnnPlateRecognizer opencv = SharedModels.dnnRecognizer();
        RecognizerModel m = opencv.model();
        for (int i = 0; i < 8; i++) {
            Image crop = SyntheticPlates.crop(i).image();
            float[] input = Blobs.recognizerInput(crop, m.height(), m.width());
            float[] ort = run(rec, input, new long[] {1, 3, m.height(), m.width()});
            float[] cv = opencv.probabilities(crop);
            assertThat(maxDiff(ort, cv)).as("max probability difference").isLessThan(TOLERANCE);
            PlateReading a = opencv.decode(ort);
            PlateReading b = opencv.decode(cv);
            assertThat(b.best().map(Candidate::text)).isEqualTo(a.best().map(Candidate::text));
            assertThat(b.best().get().confidence()).isCloseTo(a.best().get().confidence(), org.assertj.core.data.Offset.offset(0.01));
            List<String> ta = a.candidates().stream().limit(3).map(Candidate::text).toList();
            List<String> tb = b.candidates().stream().limit(3).map(Candidate::text).toList();
            assertThat(tb).isEqualTo(ta);
        }
    }

    @Test
    void detector_sameInput_sameTextMapAndSameLines() throws Exception {
        DnnPlateDetector opencv = SharedModels.dnnDetector();
        ContractScene scene = SyntheticPlates.scene("HRT5082", 11);
        int[] size = opencv.inputSize(scene.image().width(), scene.image().height());
        float[] input = Blobs.detectorInput(scene.image(), size[0], size[1]);
        float[] ort = run(det, input, new long[] {1, 3, size[1], size[0]});
        float[] cv = opencv.probabilities(scene.image());
        assertThat(maxDiff(ort, cv)).as("max probability difference").isLessThan(TOLERANCE);
        List<org.opencv.core.Point[]> la = opencv.textLines(ort, size[0], size[1]);
        List<org.opencv.core.Point[]> lb = opencv.textLines(cv, size[0], size[1]);
        assertThat(lb).hasSameSizeAs(la);
        for (int i = 0; i < la.size(); i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(lb.get(i)[k].x).isCloseTo(la.get(i)[k].x, org.assertj.core.data.Offset.offset(1.0));
                assertThat(lb.get(i)[k].y).isCloseTo(la.get(i)[k].y, org.assertj.core.data.Offset.offset(1.0));
            }
        }
    }
}
