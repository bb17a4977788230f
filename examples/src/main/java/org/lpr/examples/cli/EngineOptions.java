package org.lpr.examples.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.lpr.core.LprException;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.onnx.EnsemblePlateRecognizer;
import org.lpr.onnx.OcrModel;
import org.lpr.onnx.OnnxPlateDetector;
import org.lpr.onnx.PlateDetModel;
import org.lpr.onnx.OnnxPlateRecognizer;
import picocli.CommandLine.Option;

/**
 * Options that pick the detector and recognizer. Backends are found with {@link ServiceLoader}: the
 * backend {@code X} is every implementation in package {@code org.lpr.X} (onnx: lpr-ocr-onnx, opencv:
 * lpr-ocr-opencv), so a backend module plugs in by being on the class path. A backend's default
 * recognizer is the first one its service file lists.
 */
final class EngineOptions {
    @Option(names = "--backend", defaultValue = "onnx", description = "Implementation family: onnx or opencv (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--recognizer", description = "Recognizer by name within the backend (onnx: ensemble, the default, ppocr, ppocr-fast, or a model descriptor shipped as org/lpr/onnx/models/NAME.properties such as plate-rec-v3, plate-rec-v2 or plate-rec-v1; default: the backend's first).")
    String recognizer;

    @Option(names = "--detector", paramLabel = "NAME",
            description = "Plate detector (onnx backend): ppocr, PaddleOCR's PP-OCRv4 text detector at 960 px (default), or plate-det, the project's own small plate detector (512x288, faster; see lpr-ocr-onnx/README.md). Without this option -Dlpr.onnx.detector may pick it; given, it must agree.")
    String detectorName;

    @Option(names = "--detector-model", paramLabel = "FILE",
            description = "A plate detection model for --detector plate-det: its descriptor (.properties: input size, colour, normalization, thresholds, unclip ratio, crop margin) or an .onnx file taking plate-det's settings; default: plate-det shipped in lpr-ocr-onnx.")
    java.nio.file.Path detectorModel;

    @Option(names = "--detector-sizes", paramLabel = "PX", split = ",",
            description = "Long sides, in pixels, that --detector ppocr scales each photo to, one pass each (default 960, or -Dlpr.onnx.longSide): a later pass adds only the plates the earlier ones missed. 960,1280 finds more small plates (dev photos: 125 of 125 found against 122) at about 1.8 times the time.")
    int[] detectorSizes;

    @Option(names = "--threads", description = "Threads (default: all cores): the photo detector's ONNX Runtime threads, and with the onnx backend how many crops the recognizer reads at once, each on one thread.")
    Integer threads;

    @Option(names = "--model", paramLabel = "FILE",
            description = "An ONNX recognition model's descriptor (.properties: input size, layout, colour, alphabet, CTC or fixed slots); onnx backend. Read alone, or with --recognizer ensemble as the ensemble's whole-crop plate model in place of plate-rec-v3.")
    java.nio.file.Path model;

    @Option(names = {"--home-state", "--pattern"}, paramLabel = "STATE",
            description = "The state the camera mostly sees, as a postal code such as CA (onnx backend; OpenALPR's --pattern): where a plate's state cannot be told from its legend, readings that fit this state's serial formats are preferred. The reported state stays unknown. Default: none (or -Dlpr.onnx.homeState).")
    String homeState;

    @Option(names = "--legend-bands", negatable = true,
            description = "Where no text line of a plate crop matched a state's legend, also read the bands above and below the serial for one (onnx backend; default on, --no-legend-bands or -Dlpr.onnx.legendBands=false off): more states told (dev crops 95.6 to 97.3 %%) for about 3 %% more time a crop (a third more where few legends are read). Never for crops the photo detector cut (their legends are a few pixels high). It acts with the readers that find lines (ensemble, ppocr), not ppocr-fast or a whole-plate model alone.")
    Boolean legendBands;

    @Option(names = "--second-line", negatable = true,
            description = "In the ensemble, PaddleOCR's PP-OCRv3 also reads the serial line of plain plate crops and takes half of the line reader's say (onnx backend; default on, --no-second-line or -Dlpr.onnx.secondLine=false off): dev crops 342 to 345 exact for about 7 ms more a crop. Never for crops the photo detector cut, where it read fewer plates.")
    Boolean secondLine;

    @Option(names = "--second-pass", negatable = true,
            description = "recognize and eval-scenes: where the photo detector's plates give no reading that fits a serial format, PaddleOCR's detector looks again at 1280 px and the plates it finds beyond the first pass's are read too (default on with the onnx backend's PP-OCRv4 detector at one size below 1280, as --detector-sizes or -Dlpr.onnx.longSide give it; off, and refused when given, with another backend, --detector plate-det, several sizes or a size of 1280 or more; --no-second-pass off): dev photos 102 to 104 exact for about 5 to 25 %% more time a photo.")
    Boolean secondPass;

    /** The system properties the onnx backend's recognizers take their home state, legend bands and second line reader from when they are made. */
    private static final String HOME_STATE_PROPERTY = "lpr.onnx.homeState";
    private static final String LEGEND_BANDS_PROPERTY = "lpr.onnx.legendBands";
    private static final String SECOND_LINE_PROPERTY = "lpr.onnx.secondLine";

    void applyThreads() {
        if (threads != null) {
            if (threads < 1) {
                throw new LprException("--threads " + threads + " must be at least 1");
            }
            System.setProperty("lpr.onnx.threads", threads.toString());
            System.setProperty("lpr.opencv.threads", threads.toString());
        }
    }

    PlateDetector detector() {
        applyThreads();
        String name = detectorName == null ? "ppocr" : detectorName;
        if (!name.equals("ppocr") && !name.equals("plate-det")) {
            throw new LprException("--detector '" + name + "' is not one of ppocr, plate-det");
        }
        if (detectorModel != null && !name.equals("plate-det")) {
            throw new LprException("--detector-model needs --detector plate-det");
        }
        // the detector's own default follows -Dlpr.onnx.detector; an explicit --detector ppocr must not be overridden by it silently
        String property = System.getProperty("lpr.onnx.detector", "").trim();
        if (detectorName != null && name.equals("ppocr") && property.equalsIgnoreCase("plate-det")) {
            throw new LprException("--detector ppocr contradicts -Dlpr.onnx.detector=plate-det: give one of them");
        }
        if (detectorSizes != null) {
            if (name.equals("plate-det") || !backend.equals("onnx")) {
                throw new LprException("--detector-sizes needs --detector ppocr and --backend onnx");
            }
            if (property.equalsIgnoreCase("plate-det")) {
                throw new LprException("--detector-sizes contradicts -Dlpr.onnx.detector=plate-det: give one of them");
            }
            OnnxPlateDetector.Builder b = OnnxPlateDetector.builder().longSides(detectorSizes);
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        }
        if (name.equals("plate-det")) {
            if (!backend.equals("onnx")) {
                throw new LprException("--detector plate-det needs --backend onnx, not '" + backend + "'");
            }
            OnnxPlateDetector.Builder b = OnnxPlateDetector.builder()
                    .model(detectorModel == null ? PlateDetModel.standard() : PlateDetModel.load(detectorModel));
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        }
        List<PlateDetector> found = load(PlateDetector.class);
        if (found.isEmpty()) {
            throw new LprException("no plate detector for backend '" + backend + "' on the class path (known: " + known(PlateDetector.class) + ")");
        }
        return found.get(0);
    }

    /**
     * The detector of the second pass ({@code org.lpr.core.pipeline.SecondPass}) beside {@code first}, or null: {@code first}'s
     * own ({@link PlateDetector#secondPass()}: the onnx backend's PaddleOCR text detector at one size below
     * {@value OnnxPlateDetector#SECOND_PASS_SIDE} carries one at {@value OnnxPlateDetector#SECOND_PASS_SIDE} px), none with
     * {@code --no-second-pass}; an explicit {@code --second-pass} beside a detector without one is an error. It is part of
     * {@code first}, which closes it.
     */
    @org.jspecify.annotations.Nullable PlateDetector secondPass(PlateDetector first) {
        if (Boolean.FALSE.equals(secondPass)) {
            return null;
        }
        Optional<PlateDetector> own = first.secondPass();
        if (own.isEmpty() && Boolean.TRUE.equals(secondPass)) {
            int[] sizes = first instanceof OnnxPlateDetector onnx ? onnx.longSides() : new int[0];
            String found = !(first instanceof OnnxPlateDetector) ? "--backend " + backend
                    : sizes.length == 0 ? "--backend onnx, --detector plate-det" : "--backend onnx, --detector ppocr at " + Arrays.toString(sizes);
            throw new LprException("--second-pass needs --backend onnx and --detector ppocr at one size below "
                    + OnnxPlateDetector.SECOND_PASS_SIDE + ", not " + found);
        }
        return own.orElse(null);
    }

    /**
     * The photo reader these options pick: {@link #detector()}, its {@link #secondPass(PlateDetector)} and
     * {@link #recognizer()}; what was built is closed when a later part fails.
     */
    SceneReader sceneReader(int maxCandidates) {
        PlateDetector first = detector();
        try {
            return new SceneReader(first, secondPass(first), recognizer(), maxCandidates);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** Refuses {@code --[no-]second-pass} for a command that detects no plates in photos ({@code command}: its name). */
    void refuseSecondPass(String command) {
        if (secondPass != null) {
            throw new LprException("--[no-]second-pass applies to recognize and eval-scenes, not " + command);
        }
    }

    /**
     * The recognizer these options pick. {@code --home-state} (checked first), {@code --[no-]legend-bands} and
     * {@code --[no-]second-line} are set as {@code -Dlpr.onnx.homeState}, {@code -Dlpr.onnx.legendBands} and
     * {@code -Dlpr.onnx.secondLine} only while the recognizer is made (the backend's
     * recognizers read them then), so a later command in the same JVM does not inherit them.
     */
    PlateRecognizer recognizer() {
        applyThreads();
        if (legendBands != null && !backend.equals("onnx")) {
            throw new LprException("--[no-]legend-bands needs --backend onnx, not '" + backend + "'");
        }
        if (secondLine != null && !backend.equals("onnx")) {
            throw new LprException("--[no-]second-line needs --backend onnx, not '" + backend + "'");
        }
        Map<String, String> old = new HashMap<>();
        try {
            if (legendBands != null) {
                old.put(LEGEND_BANDS_PROPERTY, System.setProperty(LEGEND_BANDS_PROPERTY, legendBands.toString()));
            }
            if (secondLine != null) {
                old.put(SECOND_LINE_PROPERTY, System.setProperty(SECOND_LINE_PROPERTY, secondLine.toString()));
            }
            if (homeState != null) {
                // checked with the legend-bands setting of this command already in place: its check builds a recognizer
                String code = checkedHomeState();
                old.put(HOME_STATE_PROPERTY, System.setProperty(HOME_STATE_PROPERTY, code));
            }
            return makeRecognizer();
        } finally {
            old.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** The {@code --home-state} code, checked: a state or province the onnx backend has serial formats for. */
    private String checkedHomeState() {
        String option = "--home-state (--pattern) '" + homeState + "'";
        Jurisdiction state = Jurisdiction.tryParse(homeState).filter(Jurisdiction::isKnown)
                .orElseThrow(() -> new LprException(option + " is not a state or province code (such as CA)"));
        if (!backend.equals("onnx")) {
            throw new LprException(option + " needs --backend onnx, not '" + backend + "'");
        }
        try {
            // a builder's check, without loading a model: the state must have serial formats
            OnnxPlateRecognizer.builder().homeState(state).build().close();
        } catch (LprException e) {
            throw new LprException(option + ": " + e.getMessage());
        }
        return state.code();
    }

    private PlateRecognizer makeRecognizer() {
        if (model != null) {
            if (!backend.equals("onnx")) {
                throw new LprException("--model needs --backend onnx, not '" + backend + "'");
            }
            if ("ensemble".equals(recognizer)) {
                // the ensemble with another whole-crop plate model beside PP-OCRv4's line reader
                EnsemblePlateRecognizer.Builder e = EnsemblePlateRecognizer.builder().wholeCropModel(OcrModel.load(model));
                if (threads != null) {
                    e.threads(threads);
                }
                return e.build();
            }
            OnnxPlateRecognizer.Builder b = OnnxPlateRecognizer.builder().model(OcrModel.load(model));
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        }
        List<PlateRecognizer> found = load(PlateRecognizer.class);
        if (found.isEmpty()) {
            throw new LprException("no plate recognizer for backend '" + backend + "' on the class path (known: " + known(PlateRecognizer.class) + ")");
        }
        if (recognizer == null) {
            return found.get(0);
        }
        java.util.Optional<PlateRecognizer> named = found.stream().filter(r -> r.name().equals(recognizer)).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        // an ONNX model shipped as a descriptor resource (org/lpr/onnx/models/NAME.properties) is found by its name
        String resource = "/org/lpr/onnx/models/" + recognizer + ".properties";
        if (backend.equals("onnx") && recognizer.matches("[A-Za-z0-9._-]+") && OcrModel.class.getResource(resource) != null) {
            OnnxPlateRecognizer.Builder b = OnnxPlateRecognizer.builder().model(OcrModel.loadResource(resource));
            if (threads != null) {
                b.threads(threads);
            }
            return b.build();
        }
        throw new LprException("no recognizer named '" + recognizer + "' in backend '" + backend + "'; found "
                + found.stream().map(PlateRecognizer::name).collect(Collectors.toList()) + " and no model descriptor " + resource);
    }

    private <T> List<T> load(Class<T> type) {
        String pkg = "org.lpr." + backend;
        return ServiceLoader.load(type).stream()
                .filter(p -> p.type().getPackageName().equals(pkg) || p.type().getPackageName().startsWith(pkg + "."))
                .map(EngineOptions::provide)
                .toList();
    }

    /** The provider's instance; a setting it refuses (a bad {@code -Dlpr.onnx.*} value) is reported as the refusal itself. */
    private static <T> T provide(ServiceLoader.Provider<T> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError e) {
            if (e.getCause() instanceof LprException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static String known(Class<?> type) {
        return ServiceLoader.load(type).stream().map(p -> p.type().getName()).collect(Collectors.joining(", "));
    }
}
