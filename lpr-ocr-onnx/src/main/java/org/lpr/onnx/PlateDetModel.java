package org.lpr.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.lpr.core.ModelLoadException;

/**
 * Describes a plate detection model that outputs a plate probability map (the project's {@code plate-det},
 * or any model trained the same way): where the model is, the input it takes and how its map becomes plate
 * outlines (DB post-processing: threshold, connected components, box score, unclip).
 *
 * <p>A descriptor is usually loaded from a properties file with {@link #load(Path)}:
 * <pre>
 * name=plate-det
 * model=plate-det.onnx                 # file (relative to this file) or classpath:/path
 * input.width=512                      # the photo is letterboxed into width x height (multiples of 32):
 * input.height=288                     # scaled to fit, padded right and bottom with the mean (0 after normalizing)
 * input.colour=rgb                     # rgb or bgr: the order of the float32 NCHW channels
 * input.mean=0.485,0.456,0.406         # value = (pixel / 255 - mean) / std, per tensor channel
 * input.std=0.229,0.224,0.225
 * map.scale=4                          # input pixels per map pixel (output N x 1 x H/4 x W/4 probabilities)
 * threshold=0.3                        # map pixels above this are plate
 * box.threshold=0.5                    # components with a lower mean probability are dropped
 * unclip.ratio=1.5                     # each side grows by area x ratio / perimeter (the model learnt shrunk plates)
 * crop.margin=0.1                      # the crop handed to recognizers: each side grown by this x the plate's height
 * </pre>
 *
 * @param name short name, the detector's name
 * @param source where the ONNX file is: a file path, or {@code classpath:/path} for a resource
 * @param inputWidth letterbox width in pixels, a multiple of 32
 * @param inputHeight letterbox height in pixels, a multiple of 32
 * @param colour channel order of the input tensor, {@link OcrModel.Colour#RGB} or {@link OcrModel.Colour#BGR}
 * @param mean subtracted after scaling pixels to [0, 1], per tensor channel (3 values)
 * @param std divides after subtracting the mean, per tensor channel (3 positive values)
 * @param mapScale input pixels per map pixel
 * @param threshold map pixels above this probability are plate
 * @param boxThreshold components whose mean probability is below this are dropped
 * @param unclipRatio how far a component's rectangle grows back: area x ratio / perimeter on each side
 * @param cropMargin each side of the crop handed to recognizers lies this many plate heights outside the outline
 */
public record PlateDetModel(
        String name,
        String source,
        int inputWidth,
        int inputHeight,
        OcrModel.Colour colour,
        List<Double> mean,
        List<Double> std,
        int mapScale,
        double threshold,
        double boxThreshold,
        double unclipRatio,
        double cropMargin) {

    /** The class path resource of the SDK's own plate detector's descriptor. */
    public static final String PLATE_DET = "/org/lpr/onnx/models/plate-det.properties";

    /** Validates every component and reports every problem at once. */
    public PlateDetModel {
        Objects.requireNonNull(colour, "colour");
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is blank");
        }
        if (source == null || source.isBlank()) {
            problems.add("model source is blank");
        }
        if (inputWidth < 32 || inputWidth > 4096 || inputWidth % 32 != 0) {
            problems.add("input width " + inputWidth + " must be a multiple of 32 in 32..4096");
        }
        if (inputHeight < 32 || inputHeight > 4096 || inputHeight % 32 != 0) {
            problems.add("input height " + inputHeight + " must be a multiple of 32 in 32..4096");
        }
        if (colour == OcrModel.Colour.GRAY) {
            problems.add("input colour must be rgb or bgr, not gray");
        }
        if (mean.size() != 3) {
            problems.add("mean " + mean + " must have 3 values");
        }
        if (std.size() != 3 || std.stream().anyMatch(s -> !(s > 0))) {
            problems.add("std " + std + " must have 3 positive values");
        }
        if (mapScale < 1 || mapScale > 32) {
            problems.add("map scale " + mapScale + " is outside 1..32");
        }
        if (!(threshold > 0 && threshold < 1)) {
            problems.add("threshold " + threshold + " is outside (0, 1)");
        }
        if (!(boxThreshold >= 0 && boxThreshold < 1)) {
            problems.add("box threshold " + boxThreshold + " is outside [0, 1)");
        }
        if (!(unclipRatio >= 0 && unclipRatio <= 10)) {
            problems.add("unclip ratio " + unclipRatio + " is outside 0..10");
        }
        if (!(cropMargin >= 0 && cropMargin <= 2)) {
            problems.add("crop margin " + cropMargin + " is outside 0..2 plate heights");
        }
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid plate detector descriptor '" + name + "': " + String.join("; ", problems));
        }
    }

    /** The SDK's own plate detector, {@code plate-det}, from its class path descriptor ({@link #PLATE_DET}). */
    public static PlateDetModel standard() {
        return loadResource(PLATE_DET);
    }

    /**
     * Loads a descriptor from a properties file (see the class comment; relative paths are resolved against
     * its folder), or, given an {@code .onnx} file, describes that model with {@code plate-det}'s settings.
     */
    public static PlateDetModel load(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException("plate detector model " + file + " is not a readable file");
            }
            Properties p = OcrModel.resourceProperties(PLATE_DET);
            p.setProperty("model", file.toAbsolutePath().toString());
            return fromProperties(p, null, file.toString());
        }
        return fromProperties(OcrModel.properties(file), file.toAbsolutePath().getParent(), file.toString());
    }

    /** Loads a descriptor from a class path resource; a relative model path is resolved against the resource's folder. */
    public static PlateDetModel loadResource(String resource) {
        String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
        return fromProperties(OcrModel.resourceProperties(resource), null, OcrModel.CLASSPATH + folder);
    }

    private static PlateDetModel fromProperties(Properties p, Path base, String where) {
        List<String> problems = new ArrayList<>();
        String name = p.getProperty("name", "");
        String model = OcrModel.resolve(p.getProperty("model", ""), base, where);
        int width = OcrModel.intProp(p, "input.width", "0", problems);
        int height = OcrModel.intProp(p, "input.height", "0", problems);
        OcrModel.Colour colour = OcrModel.enumProp(p, "input.colour", "RGB", OcrModel.Colour.class, problems);
        List<Double> mean = triple(p, "input.mean", "0.485,0.456,0.406", problems);
        List<Double> std = triple(p, "input.std", "0.229,0.224,0.225", problems);
        int mapScale = OcrModel.intProp(p, "map.scale", "4", problems);
        double threshold = OcrModel.doubleProp(p, "threshold", "0.3", problems);
        double boxThreshold = OcrModel.doubleProp(p, "box.threshold", "0.5", problems);
        double unclip = OcrModel.doubleProp(p, "unclip.ratio", "1.5", problems);
        double margin = OcrModel.doubleProp(p, "crop.margin", "0.1", problems);
        if (!problems.isEmpty()) {
            throw new ModelLoadException("invalid plate detector descriptor " + where + ": " + String.join("; ", problems));
        }
        return new PlateDetModel(name, model, width, height, colour, mean, std, mapScale, threshold, boxThreshold, unclip, margin);
    }

    private static List<Double> triple(Properties p, String key, String dflt, List<String> problems) {
        List<Double> out = new ArrayList<>();
        for (String v : p.getProperty(key, dflt).split(",")) {
            try {
                out.add(Double.parseDouble(v.trim()));
            } catch (NumberFormatException e) {
                problems.add(key + " '" + v.trim() + "' is not a number");
            }
        }
        return out;
    }
}
