package org.lpr.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.lpr.core.InvalidJurisdictionException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Point;

/**
 * Writes a training set of rendered plate crops to a folder: {@code images/NNNNNNNN.png} and
 * {@code labels.csv} ({@code file,state,plate}, the state as a lower-case postal code), on several
 * threads. Index ranges make shards: the same seed and index give the same image.
 *
 * <pre>
 * java -cp lpr-synth/target/classes:lpr-core/target/classes org.lpr.synth.DatasetWriter \
 *     --out training/data/synth-0 --count 100000 --seed 1 --start 0 --threads 2 --size 192x96
 * </pre>
 *
 * <p>With {@code --scenes}, it writes whole pictures for plate detectors instead ({@link #writeScenes}):
 * {@code images/NNNNNNNN.jpg}, beside each its {@code NNNNNNNN.txt} in {@code lpr eval-scenes}'s format,
 * and {@code labels.csv} with every plate's outline ({@code file,width,height,state,plate,x0,y0,..,x3,y3}).
 */
public final class DatasetWriter {
    /** The JPEG quality of written scenes: high, since the renderer already compressed them once. */
    private static final float SCENE_JPEG_QUALITY = 0.92f;

    private final PlateRenderer renderer;
    private final List<PlateRenderer> sceneRenderers;
    private final int threads;

    /** A writer rendering with {@code renderer} on {@code threads} threads. */
    public DatasetWriter(PlateRenderer renderer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.renderer = renderer;
        this.sceneRenderers = List.of(renderer);
        this.threads = threads;
    }

    /**
     * A writer of scenes rendered on {@code threads} threads, index {@code i} by
     * {@code renderers.get(i mod renderers.size())}: renderers differing in
     * {@link PlateRenderer.Builder#sceneSize} give a set of mixed picture sizes.
     */
    public DatasetWriter(List<PlateRenderer> renderers, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (renderers.isEmpty()) {
            throw new IllegalArgumentException("renderers must name at least one renderer");
        }
        this.renderer = renderers.get(0);
        this.sceneRenderers = List.copyOf(renderers);
        this.threads = threads;
    }

    /** Renders indices {@code start .. start+count-1} into {@code dir}; returns the number written. */
    public int write(Path dir, long start, int count) throws IOException {
        return write(dir, start, count, "file,state,plate", this::renderOne);
    }

    /**
     * Renders the scenes of indices {@code start .. start+count-1} into {@code dir}: {@code images/NNNNNNNN.jpg},
     * {@code images/NNNNNNNN.txt} (tab separated {@code file x y w h PLATE}, the outline's bounding box, as
     * {@code lpr eval-scenes images} reads it) and {@code labels.csv} with the plate's four corners, clockwise
     * from top-left, in pixels; returns the number written.
     */
    public int writeScenes(Path dir, long start, int count) throws IOException {
        return write(dir, start, count, "file,width,height,state,plate,x0,y0,x1,y1,x2,y2,x3,y3", this::renderScene);
    }

    /**
     * Renders the street scenes ({@link PlateRenderer#renderStreetScene(long)}) of indices
     * {@code start .. start+count-1} into {@code dir}, as {@link #writeScenes} does but with one
     * {@code labels.csv} row and one {@code NNNNNNNN.txt} line per plate; a picture without a plate gets
     * one row with empty state, plate and corners, and an empty {@code .txt}. Returns the number of pictures.
     */
    public int writeStreetScenes(Path dir, long start, int count) throws IOException {
        return write(dir, start, count, "file,width,height,state,plate,x0,y0,x1,y1,x2,y2,x3,y3", this::renderStreetScene);
    }

    private interface Renderer {
        String render(Path images, long index);
    }

    private int write(Path dir, long start, int count, String header, Renderer one) throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Writer labels = Files.newBufferedWriter(dir.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            labels.write(header + "\n");
            int chunk = 1000;
            for (int base = 0; base < count; base += chunk) {
                List<Future<String>> lines = new ArrayList<>();
                for (int i = base; i < Math.min(count, base + chunk); i++) {
                    long index = start + i;
                    lines.add(pool.submit(() -> one.render(images, index)));
                }
                for (Future<String> line : lines) {
                    labels.write(line.get());
                }
                labels.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + dir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    private String renderOne(Path images, long index) {
        RenderedPlate plate = renderer.render(index);
        String name = String.format(Locale.ROOT, "%08d.png", index);
        try {
            ImageIO.write(plate.image().toBufferedImage(), "png", images.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "images/" + name + "," + plate.plate().jurisdiction().code().toLowerCase(Locale.ROOT) + "," + plate.plate().text() + "\n";
    }

    private String renderScene(Path images, long index) {
        RenderedScene scene = sceneRenderers.get((int) Math.floorMod(index, (long) sceneRenderers.size())).renderScene(index);
        return writeScene(images, index, scene.image(), List.of(new StreetScene.Labelled(scene.plate(), scene.outline())));
    }

    private String renderStreetScene(Path images, long index) {
        StreetScene scene = sceneRenderers.get((int) Math.floorMod(index, (long) sceneRenderers.size())).renderStreetScene(index);
        return writeScene(images, index, scene.image(), scene.plates());
    }

    /**
     * Writes scene {@code index}'s picture and its eval-scenes {@code .txt} (one line per plate, empty
     * without a plate); returns its {@code labels.csv} rows: one per plate, or one with empty state, plate
     * and corners for a picture without a plate.
     */
    private static String writeScene(Path images, long index, Image image, List<StreetScene.Labelled> plates) {
        String name = String.format(Locale.ROOT, "%08d", index);
        StringBuilder txt = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        String head = "images/" + name + ".jpg," + image.width() + "," + image.height() + ",";
        for (StreetScene.Labelled plate : plates) {
            var o = plate.outline();
            txt.append(String.format(Locale.ROOT, "%s.jpg\t%d\t%d\t%d\t%d\t%s%n", name, Math.round(o.minX()), Math.round(o.minY()),
                    Math.round(o.maxX() - o.minX()), Math.round(o.maxY() - o.minY()), plate.plate().text()));
            rows.append(head).append(plate.plate().jurisdiction().code().toLowerCase(Locale.ROOT)).append(',').append(plate.plate().text());
            for (Point p : o.points()) {
                rows.append(String.format(Locale.ROOT, ",%.1f,%.1f", p.x(), p.y()));
            }
            rows.append('\n');
        }
        if (plates.isEmpty()) {
            rows.append(head).append(",,,,,,,,,\n");
        }
        try {
            writeJpeg(image.toBufferedImage(), images.resolve(name + ".jpg"));
            Files.writeString(images.resolve(name + ".txt"), txt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toString();
    }

    private static void writeJpeg(java.awt.image.BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(SCENE_JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Command line: {@code --out DIR --count N [--seed S] [--start I] [--threads T] [--size WxH] [--clean]
     * [--full-alphabet-share X] [--sign-font-share X] [--picture-emblem-share X] [--specialty-share X] [--plate-gothic-share X] [--plain-one-share X] [--plain-one-states ST,ST..] [--states ST,ST..] [--camera-far-share X] [--plate-widths MIN:MAX] [--scenes [--street [--date-stamp-share X]] [--scene-sizes WxH,WxH..]]}.
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        int count = 1000;
        long seed = 1;
        long start = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        int w = 0;
        int h = 0;
        boolean clean = false;
        boolean scenes = false;
        boolean street = false;
        double fullAlphabetShare = PlateStyle.FULL_ALPHABET_SHARE;
        double signFontShare = 0;
        double plateGothicShare = 0;
        double plainOneShare = 0;
        Set<Jurisdiction> plainOneStates = Set.of();
        Set<Jurisdiction> onlyStates = Set.of();
        double pictureShare = 0;
        double specialtyShare = 0;
        double cameraFarShare = 0;
        double dateStampShare = 0;
        double[] plateWidths = {PlateRenderer.DEFAULT_MIN_PLATE_WIDTH, PlateRenderer.DEFAULT_MAX_PLATE_WIDTH};
        List<int[]> sceneSizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--clean")) {
                clean = true;
                continue;
            }
            if (a.equals("--street")) {
                scenes = true;
                street = true;
                continue;
            }
            if (a.equals("--scenes")) {
                scenes = true;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = Path.of(v);
                case "--count" -> count = whole(a, v);
                case "--seed" -> seed = wholeLong(a, v);
                case "--start" -> start = wholeLong(a, v);
                case "--threads" -> threads = whole(a, v);
                case "--full-alphabet-share" -> fullAlphabetShare = number(a, v);
                case "--sign-font-share" -> signFontShare = number(a, v);
                case "--plate-gothic-share" -> plateGothicShare = number(a, v);
                case "--plain-one-share" -> plainOneShare = number(a, v);
                case "--plain-one-states" -> plainOneStates = states(a, v);
                case "--states" -> onlyStates = states(a, v);
                case "--picture-emblem-share" -> pictureShare = number(a, v);
                case "--specialty-share" -> specialtyShare = number(a, v);
                case "--camera-far-share" -> cameraFarShare = number(a, v);
                case "--date-stamp-share" -> dateStampShare = number(a, v);
                case "--plate-widths" -> {
                    String[] mm = v.split(":");
                    if (mm.length != 2) {
                        usage("--plate-widths '" + v + "' must be MIN:MAX in pixels, for example 45:110");
                    }
                    plateWidths = new double[] {number(a, mm[0]), number(a, mm[1])};
                }
                case "--size" -> {
                    int[] wh = size("--size", v);
                    w = wh[0];
                    h = wh[1];
                }
                case "--scene-sizes" -> {
                    for (String one : v.split(",")) {
                        sceneSizes.add(size("--scene-sizes", one));
                    }
                }
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        PlateRenderer.Builder b = PlateRenderer.builder().seed(seed).photoEffects(!clean);
        try {
            b.fullAlphabetShare(fullAlphabetShare).signFontShare(signFontShare).pictureEmblemShare(pictureShare).specialtyShare(specialtyShare).plateGothicShare(plateGothicShare).plainOneShare(plainOneShare).plainOneStates(plainOneStates).states(onlyStates).plateWidths(plateWidths[0], plateWidths[1])
                    .cameraFarShare(cameraFarShare).dateStampShare(dateStampShare);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage()); // a share outside 0 to 1, plate widths out of range, or a state without a style
        }
        if (dateStampShare > 0 && !street) {
            usage("--date-stamp-share applies to --street scenes only");
        }
        String fontWarning = fontWarning(PlateFonts.missing());
        if (!fontWarning.isEmpty()) {
            System.err.println(fontWarning);
        }
        if (scenes) {
            if (sceneSizes.isEmpty()) {
                sceneSizes = List.of(new int[] {640, 480}, new int[] {1280, 720});
            }
            List<PlateRenderer> renderers = new ArrayList<>();
            for (int[] wh : sceneSizes) {
                renderers.add(b.sceneSize(wh[0], wh[1]).build());
            }
            long t0 = System.nanoTime();
            DatasetWriter writer = new DatasetWriter(renderers, threads);
            int n = street ? writer.writeStreetScenes(out, start, count) : writer.writeScenes(out, start, count);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "wrote %d scenes to %s in %.1f s (%.1f/s)%n", n, out, s, n / s);
            return;
        }
        if (w > 0) {
            b.outputSize(w, h);
        }
        long t0 = System.nanoTime();
        int n = new DatasetWriter(b.build(), threads).write(out, start, count);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %d plates to %s in %.1f s (%.0f/s)%n", n, out, s, n / s);
    }

    /**
     * The warning for font files lpr-synth names that are {@code missing} (empty when none is): renders that would draw
     * with them differ from the measuring sets and the shipped models' training sets.
     */
    static String fontWarning(List<String> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "warning: %d font files lpr-synth draws with are missing, so renders that would draw with them"
                + " differ from renders made with all of them (the measuring sets and the shipped models' training sets); install"
                + " the Debian packages .ci/run names: %s", missing.size(), String.join(", ", missing));
    }

    /**
     * {@code v} as comma-separated states with a plate style, or the usage naming the option and the value that names no
     * such state.
     */
    private static Set<Jurisdiction> states(String option, String v) {
        Set<Jurisdiction> states = new HashSet<>();
        for (String code : v.split(",", -1)) {
            try {
                Jurisdiction j = Jurisdiction.parse(code.strip());
                if (!j.isKnown()) {
                    usage(option + " '" + v + "': '" + code.strip() + "' is the unknown jurisdiction, not a state");
                }
                if (!PlateStyle.ALL.containsKey(j)) {
                    usage(option + " '" + v + "': '" + j.code() + "' has no plate style (only the 50 states and DC)");
                }
                states.add(j);
            } catch (InvalidJurisdictionException e) {
                usage(option + " '" + v + "': " + e.getMessage());
            }
        }
        return states;
    }

    /** {@code v} as a finite number, or the usage naming the option and the value. */
    private static double number(String option, String v) {
        try {
            double x = Double.parseDouble(v.strip());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        usage(option + " '" + v + "' is not a number");
        return 0; // not reached: usage exits
    }

    /** {@code v} as a whole number of the long range, or the usage naming the option and the value. */
    private static long wholeLong(String option, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            usage(option + " '" + v + "' is not a whole number");
            return 0; // not reached: usage exits
        }
    }

    /** {@code v} as a whole number of the int range, or the usage naming the option and the value. */
    private static int whole(String option, String v) {
        long x = wholeLong(option, v);
        if (x != (int) x) {
            usage(option + " '" + v + "' is too large");
        }
        return (int) x;
    }

    private static int[] size(String option, String v) {
        String[] wh = v.toLowerCase(Locale.ROOT).split("x");
        if (wh.length != 2) {
            usage(option + " '" + v + "' must be WIDTHxHEIGHT, for example 192x96");
        }
        return new int[] {whole(option, wh[0]), whole(option, wh[1])};
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: DatasetWriter --out DIR --count N [--seed S] [--start I] [--threads T] [--size WxH] [--clean]"
                + " [--full-alphabet-share X] [--sign-font-share X] [--picture-emblem-share X] [--specialty-share X] [--plate-gothic-share X] [--plain-one-share X] [--plain-one-states ST,ST..] [--states ST,ST..] [--camera-far-share X] [--plate-widths MIN:MAX] [--scenes [--street [--date-stamp-share X]] [--scene-sizes WxH,WxH..]]");
        System.err.println("  --clean: frontal plates without camera effects");
        System.err.println("  --full-alphabet-share: share of general-issue serials with I, O and Q among their letters (default 0.08)");
        System.err.println("  --sign-font-share: share of serials in road-sign gothic faces, fonts-roadgeek and fonts-opendin (default 0)");
        System.err.println("  --picture-emblem-share: share of plates with picture emblems (horse and rider, sun, fruit, lighthouse, wheelchair) in the serial's row (default 0)");
        System.err.println("  --plate-gothic-share: share of plates whose M and W are drawn in plate-gothic shapes, M's vertex a quarter to two thirds down (default 0)");
        System.err.println("  --plain-one-share: share of plates whose 1 is a plain bar (no flag or foot) and whose I has serifs (default 0)");
        System.err.println("  --plain-one-states: states, comma separated (MA,...), whose every plate has that plain-bar 1 (default none)");
        System.err.println("  --states: draw only these states' plates, comma separated (MA,...), equally often (default every state)");
        System.err.println("  --camera-far-share: share of crops with camera effects that also get a far camera's look: blurred below the pixel grid, hazy, hard JPEG (crops only; default 0)");
        System.err.println("  --plate-widths: the plate's width in pixels in crops with camera effects, before --size scales them (default 60:300)");
        System.err.println("  --scenes: whole pictures with the plate's outline, for detectors (default sizes 640x480,1280x720, by turns)");
        System.err.println("  --street: (implies --scenes) street scenes with cars, signs and text, 0 to 3 plates each, one labels row per plate");
        System.err.println("  --date-stamp-share: share of street scenes with a camera's date and time burned into a corner, never over a plate (default 0)");
        System.exit(2);
    }
}
