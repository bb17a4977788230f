package org.lpr.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Point;
import org.lpr.core.read.Polygon;

/**
 * Renders synthetic US-style plates: every state's common layouts and serial formats (kept as data
 * in {@code us-states.txt}), legends, slogans, stickers, stacked characters, bolts, frames and dirt,
 * then what a camera adds (perspective, rotation, tight or loose crop, blur, motion blur, low light,
 * glare, noise, JPEG). Seeded and deterministic: the same seed and spec give the same pixels.
 * Thread-safe.
 *
 * <pre>{@code
 * PlateRenderer renderer = PlateRenderer.builder().seed(7).build();
 * RenderedPlate crop = renderer.render(PlateSpec.of("ABC-1234", Jurisdiction.VA, 1));
 * RenderedPlate random = renderer.render(42);           // random state and serial, index 42
 * RenderedScene scene = renderer.renderScene(42);       // a plate in a larger picture
 * }</pre>
 *
 * <p>Stacked small characters and side badges are drawn as distractors and are not part of the
 * plate text, as in the OpenALPR benchmark labels.
 */
public final class PlateRenderer {
    /** Mixed into the seed for the far camera's draws, a stream apart from the plate's own. */
    private static final long CAMERA_FAR_STREAM = 0x5EEDFA2CA3E7A001L;
    /** Every jurisdiction with a style of its own, in the styles' order. */
    private static final List<Jurisdiction> STYLED = List.copyOf(PlateStyle.ALL.keySet());

    private final long seed;
    private final boolean photo;
    private final boolean distractors;
    private final int outputWidth;
    private final int outputHeight;
    private final int sceneWidth;
    private final int sceneHeight;
    private final List<Jurisdiction> states;
    private final double fullAlphabetShare;
    private final PlatePainter.Shares shares;
    private final double minPlateWidth;
    private final double maxPlateWidth;
    private final double cameraFarShare;
    private final double dateStampShare;

    private PlateRenderer(Builder b) {
        this.seed = b.seed;
        this.photo = b.photo;
        this.distractors = b.distractors;
        this.outputWidth = b.outputWidth;
        this.outputHeight = b.outputHeight;
        this.sceneWidth = b.sceneWidth;
        this.sceneHeight = b.sceneHeight;
        this.states = b.states.isEmpty() ? STYLED : STYLED.stream().filter(b.states::contains).toList();
        this.fullAlphabetShare = b.fullAlphabetShare;
        this.shares = new PlatePainter.Shares(b.signFontShare, b.pictureShare, b.specialtyShare, b.plateGothicShare, b.plainOneShare,
                b.plainOneStates);
        this.minPlateWidth = b.minPlateWidth;
        this.maxPlateWidth = b.maxPlateWidth;
        this.cameraFarShare = b.cameraFarShare;
        this.dateStampShare = b.dateStampShare;
    }

    /** A builder with seed 0, camera effects and distractors on, the crop's natural size and 640x480 scenes. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The jurisdictions this renderer draws plates of, in the styles' order: every one with its own style and serial
     * formats, or those of {@link Builder#states(Set)}.
     */
    public List<Jurisdiction> jurisdictions() {
        return states;
    }

    /** A random plate spec for {@code index}: a state, a serial in one of its formats (sometimes a vanity plate). */
    public PlateSpec randomSpec(long index) {
        SplittableRandom r = random(index, 0x5EC);
        Jurisdiction j = states.get(r.nextInt(states.size()));
        boolean vanity = r.nextDouble() < 0.12;
        String printed = vanity ? PlateStyle.vanitySerial(r) : PlateStyle.ALL.get(j).printedSerial(r, fullAlphabetShare);
        if (j == Jurisdiction.WY && !vanity) {
            // Wyoming's county number (1 to 23) and bucking-horse emblem come first and are part of the
            // plate number, as the OpenALPR benchmark labels them ("4 [horse] 339C" is 4339C)
            printed = (1 + r.nextInt(r.nextBoolean() ? 9 : 23)) + "*" + printed;
        }
        if (shares.pictureEmblem() > 0 && !vanity && r.nextDouble() < shares.pictureEmblem()) {
            // a picture emblem where the groups meet, as many states print one
            printed = printed.replaceFirst("[ -]", "*");
        }
        return new PlateSpec(Plate.of(printed.replace("*", ""), j), printed, mix(seed, index));
    }

    /** Renders the random plate of {@code index} ({@link #randomSpec(long)}). */
    public RenderedPlate render(long index) {
        return render(randomSpec(index));
    }

    /** Paints a plate with this renderer's distractors and shares ({@link PlatePainter#paint}), drawing from {@code r}. */
    private BufferedImage paintPlate(PlateStyle style, String printed, SplittableRandom r) {
        return PlatePainter.paint(style, printed, r, distractors, shares);
    }

    /** Renders {@code spec} as a plate crop. */
    public RenderedPlate render(PlateSpec spec) {
        SplittableRandom r = new SplittableRandom(mix(seed, spec.seed()));
        BufferedImage plate = paintPlate(styleOf(spec.plate().jurisdiction(), r), spec.printed(), r);
        if (!photo) {
            BufferedImage out = outputWidth > 0 ? PhotoEffects.resize(plate, outputWidth, outputHeight) : plate;
            double sx = (double) out.getWidth() / plate.getWidth();
            double sy = (double) out.getHeight() / plate.getHeight();
            return new RenderedPlate(Image.of(out), spec.plate(), Polygon.rectangle(0, 0, plate.getWidth() * sx, plate.getHeight() * sy));
        }
        // the plate's size in the photo, from far and blurry to near and sharp (log-uniform)
        double plateW = minPlateWidth * Math.pow(maxPlateWidth / minPlateWidth, r.nextDouble());
        double plateH = plateW / 2 * (0.9 + r.nextDouble() * 0.25);
        BufferedImage small = PhotoEffects.resize(plate, (int) Math.max(8, Math.round(plateW * 1.3)), (int) Math.max(4, Math.round(plateH * 1.3)));
        double[] quad = viewQuad(plateW, plateH, r, 0.05);
        double[] margins = new double[4];
        for (int i = 0; i < 4; i++) {
            margins[i] = r.nextDouble() < 0.15 ? -r.nextDouble() * 0.04 : r.nextDouble() * (r.nextDouble() < 0.2 ? 0.15 : 0.05);
        }
        double minX = Math.min(Math.min(quad[0], quad[2]), Math.min(quad[4], quad[6])) - margins[0] * plateW;
        double maxX = Math.max(Math.max(quad[0], quad[2]), Math.max(quad[4], quad[6])) + margins[1] * plateW;
        double minY = Math.min(Math.min(quad[1], quad[3]), Math.min(quad[5], quad[7])) - margins[2] * plateH;
        double maxY = Math.max(Math.max(quad[1], quad[3]), Math.max(quad[5], quad[7])) + margins[3] * plateH;
        int w = (int) Math.max(8, Math.round(maxX - minX));
        int h = (int) Math.max(4, Math.round(maxY - minY));
        for (int i = 0; i < 8; i += 2) {
            quad[i] -= minX;
            quad[i + 1] -= minY;
        }
        BufferedImage photoImg = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PhotoEffects.background(photoImg, r);
        PhotoEffects.warpInto(small, photoImg, quad);
        BufferedImage out = PhotoEffects.degrade(photoImg, r);
        if (cameraFarShare > 0) {
            // a stream of its own, so that a share of 0 leaves every other draw, and so every render, as before
            SplittableRandom far = new SplittableRandom(mix(seed ^ CAMERA_FAR_STREAM, spec.seed()));
            if (far.nextDouble() < cameraFarShare) {
                out = PhotoEffects.cameraFar(out, far);
            }
        }
        if (outputWidth > 0) {
            double sx = (double) outputWidth / out.getWidth();
            double sy = (double) outputHeight / out.getHeight();
            out = PhotoEffects.resize(out, outputWidth, outputHeight);
            for (int i = 0; i < 8; i += 2) {
                quad[i] *= sx;
                quad[i + 1] *= sy;
            }
        }
        return new RenderedPlate(Image.of(out), spec.plate(), outline(quad));
    }

    /**
     * Renders {@code spec}'s plate cut to its serial: the box of the serial's characters (and emblems)
     * with a quarter of their height added on every side, as a tight plate finder or a text-line finder
     * hands a reader of one line. The plate is the one {@link #render(PlateSpec)} draws without camera
     * effects, which this never adds; {@link Builder#outputSize} scales the cut.
     */
    public RenderedPlate renderSerial(PlateSpec spec) {
        SplittableRandom r = new SplittableRandom(mix(seed, spec.seed()));
        PlatePainter.Painted painted = PlatePainter.paintDetailed(styleOf(spec.plate().jurisdiction(), r), spec.printed(), r, distractors, shares);
        Rectangle2D serial = PlatePainter.union(painted.glyphs());
        double margin = serial.getHeight() / 4;
        int x0 = (int) Math.max(0, Math.floor(serial.getMinX() - margin));
        int y0 = (int) Math.max(0, Math.floor(serial.getMinY() - margin));
        int x1 = (int) Math.min(PlatePainter.WIDTH, Math.ceil(serial.getMaxX() + margin));
        int y1 = (int) Math.min(PlatePainter.HEIGHT, Math.ceil(serial.getMaxY() + margin));
        BufferedImage cut = painted.image().getSubimage(x0, y0, x1 - x0, y1 - y0);
        BufferedImage out = outputWidth > 0 ? PhotoEffects.resize(cut, outputWidth, outputHeight) : cut;
        double sx = (double) out.getWidth() / cut.getWidth();
        double sy = (double) out.getHeight() / cut.getHeight();
        Polygon plate = Polygon.rectangle(-x0 * sx, -y0 * sy, PlatePainter.WIDTH * sx, PlatePainter.HEIGHT * sy);
        return new RenderedPlate(Image.of(out), spec.plate(), plate);
    }

    /** Renders the random plate of {@code index} ({@link #randomSpec(long)}) inside a larger street-like picture. */
    public RenderedScene renderScene(long index) {
        return renderScene(randomSpec(index));
    }

    /**
     * Renders {@code spec} inside a street-like picture (640x480 unless {@link Builder#sceneSize} says
     * otherwise): the plate 70 to 220 pixels wide at a random place; with camera effects, seen at a
     * slight angle and JPEG-compressed, without them, upright and frontal.
     */
    public RenderedScene renderScene(PlateSpec spec) {
        SplittableRandom r = new SplittableRandom(mix(seed, spec.seed() ^ 0x5CE7E));
        BufferedImage plate = paintPlate(styleOf(spec.plate().jurisdiction(), r), spec.printed(), r);
        int w = sceneWidth;
        int h = sceneHeight;
        BufferedImage scene = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PhotoEffects.background(scene, r);
        Graphics2D g = scene.createGraphics();
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(r.nextInt(w), r.nextInt(h), 20 + r.nextInt(200), 10 + r.nextInt(120));
        }
        g.dispose();
        double plateW = 70 + r.nextDouble() * 150;
        double plateH = plateW / 2;
        BufferedImage small = PhotoEffects.resize(plate, (int) Math.round(plateW * 1.3), (int) Math.round(plateH * 1.3));
        double[] quad = photo ? viewQuad(plateW, plateH, r, 0.04) : new double[] {0, 0, plateW, 0, plateW, plateH, 0, plateH};
        double ox = 20 + r.nextDouble() * (w - plateW * 1.3 - 40);
        double oy = 20 + r.nextDouble() * (h - plateH * 1.3 - 40);
        for (int i = 0; i < 8; i += 2) {
            quad[i] += ox;
            quad[i + 1] += oy;
        }
        PhotoEffects.warpInto(small, scene, quad);
        BufferedImage out = photo ? PhotoEffects.jpeg(scene, 0.85f) : scene;
        return new RenderedScene(Image.of(out), spec.plate(), outline(quad));
    }

    /**
     * Renders street scene {@code index} for plate-detector training: a picture ({@link Builder#sceneSize},
     * default 640x480) of a road with kerb, sidewalk or grass, sky and buildings with shop signs, road
     * signs, cars without a plate in view, and zero to three cars holding a random plate each
     * (6 % none, 44 % one, 32 % two, 18 % three; the first 25 to 300 pixels wide, the others up to a
     * fifth of the picture), seen at an angle; the cars carry tail lights or headlights, badges, bumper
     * stickers and dealer names that are not plates. With camera effects (the default) the whole picture
     * gets the crops' blur, low light, colour cast, glare, shadow, noise and JPEG, blur sized to its
     * largest plate; without them the plates are upright and frontal and nothing is added. Plates never
     * overlap each other and lie inside the picture, at least 3 pixels from its edges. Independent of
     * {@link #renderScene(long)}, whose pictures it leaves unchanged.
     */
    public StreetScene renderStreetScene(long index) {
        SplittableRandom r = random(index, 0x57EE7L);
        int w = sceneWidth;
        int h = sceneHeight;
        BufferedImage scene = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int horizon = StreetPainter.backdrop(scene, r);
        StreetPainter.signs(scene, horizon, List.of(), r);
        double u = r.nextDouble();
        int wanted = u < 0.06 ? 0 : u < 0.5 ? 1 : u < 0.82 ? 2 : 3;
        List<StreetCar> drawn = new ArrayList<>();
        List<Rectangle2D> cars = new ArrayList<>();
        List<Rectangle2D> plateBoxes = new ArrayList<>();
        List<StreetScene.Labelled> plates = new ArrayList<>();
        double largest = 0;
        for (int k = 0; k < wanted; k++) {
            for (int attempt = 0; attempt < 30; attempt++) {
                double maxW = Math.max(26, Math.min(300, k == 0 ? w * 0.45 : w * 0.2));
                double pw = 25 * Math.pow(maxW / 25, r.nextDouble());
                double ph = pw / 2 * (0.95 + r.nextDouble() * 0.1);
                double[] quad = photo ? viewQuad(pw, ph, r, 0.04) : new double[] {0, 0, pw, 0, pw, ph, 0, ph};
                Rectangle2D qb = bounds(quad);
                double top = Math.min(h - 3 - qb.getHeight(), Math.max(3, horizon * 0.7));
                double ox = 3 - qb.getMinX() + r.nextDouble() * (w - 6 - qb.getWidth());
                double oy = top - qb.getMinY() + r.nextDouble() * (h - 3 - qb.getHeight() - top);
                for (int i = 0; i < 8; i += 2) {
                    quad[i] += ox;
                    quad[i + 1] += oy;
                }
                Rectangle2D box = bounds(quad);
                if (box.getMinX() < 3 || box.getMinY() < 3 || box.getMaxX() > w - 3 || box.getMaxY() > h - 3) {
                    continue;
                }
                boolean rear = r.nextDouble() < 0.7;
                double cw = pw * (4.8 + r.nextDouble() * 1.2);
                double ch = cw * (0.55 + r.nextDouble() * 0.2);
                double cx = box.getCenterX() - cw * (0.5 + (r.nextDouble() - 0.5) * 0.06);
                double cy = box.getCenterY() - ch * (rear ? 0.64 : 0.7);
                Rectangle2D car = new Rectangle2D.Double(cx, cy, cw, ch).createIntersection(new Rectangle2D.Double(0, 0, w, h));
                boolean free = cy + ch * 0.9 >= horizon + (h - horizon) * 0.08; // on the ground, not in the sky
                for (int i = 0; i < cars.size(); i++) {
                    free &= !car.intersects(cars.get(i)) && !box.intersects(plateBoxes.get(i));
                }
                if (!free) {
                    continue;
                }
                SplittableRandom pr = r.split();
                Jurisdiction j = states.get(pr.nextInt(states.size()));
                String printed = pr.nextDouble() < 0.12 ? PlateStyle.vanitySerial(pr) : PlateStyle.ALL.get(j).printedSerial(pr, fullAlphabetShare);
                BufferedImage plate = paintPlate(styleOf(j, pr), printed, pr);
                BufferedImage small = PhotoEffects.resize(plate, (int) Math.max(8, Math.round(pw * 1.3)), (int) Math.max(4, Math.round(ph * 1.3)));
                drawn.add(new StreetCar(cx, cy, cw, ch, rear, box, small, quad));
                cars.add(car);
                plateBoxes.add(box);
                plates.add(new StreetScene.Labelled(Plate.of(printed.replace("*", ""), j), outline(quad)));
                largest = Math.max(largest, pw);
                break;
            }
        }
        // cars without a plate in view, where they hide no plate car
        int extra = r.nextInt(4);
        for (int i = 0; i < extra; i++) {
            double cw = w * (0.12 + r.nextDouble() * 0.35);
            double ch = cw * (0.55 + r.nextDouble() * 0.2);
            double cx = r.nextDouble() * w - cw / 2;
            double cy = horizon + r.nextDouble() * (h - horizon) - ch * 0.8;
            Rectangle2D car = new Rectangle2D.Double(cx, cy, cw, ch);
            boolean rear = r.nextDouble() < 0.3;
            if (cars.stream().noneMatch(car::intersects)) {
                cars.add(car);
                drawn.add(new StreetCar(cx, cy, cw, ch, rear, null, null, null));
            }
        }
        // far (higher) cars first, so nearer ones stand in front
        drawn.sort(java.util.Comparator.comparingDouble(c -> c.y() + c.h()));
        for (StreetCar c : drawn) {
            StreetPainter.car(scene, c.x(), c.y(), c.w(), c.h(), c.rear(), c.plateBox(), r);
            if (c.plate() != null) {
                PhotoEffects.warpInto(c.plate(), scene, c.quad());
            }
        }
        if (dateStampShare > 0) {
            // its own stream, so that scenes without a stamp stay as they were rendered before the option
            SplittableRandom stamp = random(index, 0xDA7E5L);
            if (stamp.nextDouble() < dateStampShare) {
                StreetPainter.dateStamp(scene, plateBoxes, stamp);
            }
        }
        BufferedImage out = scene;
        if (photo) {
            int subject = (int) Math.round(largest > 0 ? largest * 1.3 : 150);
            out = PhotoEffects.degrade(scene, r, subject, subject / 2);
        }
        return new StreetScene(Image.of(out), plates);
    }

    /** A car of a street scene, placed before it is painted; {@code plate} null for a car without a plate in view. */
    private record StreetCar(double x, double y, double w, double h, boolean rear, Rectangle2D plateBox, BufferedImage plate, double[] quad) {
    }

    private static Rectangle2D bounds(double[] quad) {
        double minX = Math.min(Math.min(quad[0], quad[2]), Math.min(quad[4], quad[6]));
        double maxX = Math.max(Math.max(quad[0], quad[2]), Math.max(quad[4], quad[6]));
        double minY = Math.min(Math.min(quad[1], quad[3]), Math.min(quad[5], quad[7]));
        double maxY = Math.max(Math.max(quad[1], quad[3]), Math.max(quad[5], quad[7]));
        return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    private PlateStyle styleOf(Jurisdiction j, SplittableRandom r) {
        PlateStyle style = PlateStyle.ALL.get(j);
        if (style != null) {
            return style;
        }
        PlateStyle borrowed = PlateStyle.ALL.get(STYLED.get(r.nextInt(STYLED.size()))); // any styled state, drawn or not
        String legend = j.isKnown() ? j.displayName().toUpperCase(java.util.Locale.ROOT) : "";
        return new PlateStyle(j, legend, List.of(" "), borrowed.formats(), borrowed.plateColours(), borrowed.serialColours(),
                borrowed.legendColours());
    }

    /** The plate's corners seen from a random viewpoint: rotation, yaw, pitch and jitter. */
    private static double[] viewQuad(double w, double h, SplittableRandom r, double jitter) {
        double[] q = {0, 0, w, 0, w, h, 0, h};
        double yaw = (r.nextDouble() - 0.5) * 0.3;
        double pitch = (r.nextDouble() - 0.5) * 0.2;
        // yaw shrinks one side's height, pitch one edge's width
        q[1] += yaw > 0 ? 0 : -yaw * h / 2;
        q[7] -= yaw > 0 ? 0 : -yaw * h / 2;
        q[3] += yaw > 0 ? yaw * h / 2 : 0;
        q[5] -= yaw > 0 ? yaw * h / 2 : 0;
        q[0] += pitch > 0 ? pitch * w / 2 : 0;
        q[2] -= pitch > 0 ? pitch * w / 2 : 0;
        q[6] += pitch < 0 ? -pitch * w / 2 : 0;
        q[4] -= pitch < 0 ? -pitch * w / 2 : 0;
        double angle = r.nextDouble() < 0.7 ? (r.nextDouble() - 0.5) * 0.1 : (r.nextDouble() - 0.5) * 0.25;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < 8; i += 2) {
            double x = q[i] - w / 2 + (r.nextDouble() - 0.5) * 2 * jitter * w;
            double y = q[i + 1] - h / 2 + (r.nextDouble() - 0.5) * 2 * jitter * h;
            q[i] = x * cos - y * sin + w / 2;
            q[i + 1] = x * sin + y * cos + h / 2;
        }
        return q;
    }

    private static Polygon outline(double[] quad) {
        List<Point> points = new ArrayList<>(4);
        for (int i = 0; i < 8; i += 2) {
            points.add(new Point(quad[i], quad[i + 1]));
        }
        return new Polygon(points);
    }

    private SplittableRandom random(long index, long salt) {
        return new SplittableRandom(mix(mix(seed, index), salt));
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The default range of plate widths in crops with camera effects, in pixels ({@link Builder#plateWidths}). */
    static final double DEFAULT_MIN_PLATE_WIDTH = 60;
    static final double DEFAULT_MAX_PLATE_WIDTH = 300;

    /** Configures a {@link PlateRenderer}. */
    public static final class Builder {
        private long seed;
        private boolean photo = true;
        private boolean distractors = true;
        private int outputWidth;
        private int outputHeight;
        private int sceneWidth = 640;
        private int sceneHeight = 480;
        private double fullAlphabetShare = PlateStyle.FULL_ALPHABET_SHARE;
        private double signFontShare;
        private double pictureShare;
        private double specialtyShare;
        private double plateGothicShare;
        private double plainOneShare;
        private Set<Jurisdiction> plainOneStates = Set.of();
        private Set<Jurisdiction> states = Set.of();
        private double minPlateWidth = DEFAULT_MIN_PLATE_WIDTH;
        private double maxPlateWidth = DEFAULT_MAX_PLATE_WIDTH;
        private double cameraFarShare;
        private double dateStampShare;

        private Builder() {
        }

        /**
         * Share of street scenes ({@link PlateRenderer#renderStreetScene}) with a date and time burned into a corner, as
         * surveillance and dash cameras print them ({@code 2014-06-21 10:42:17}, {@code 06/21/2014 10:42:17},
         * {@code 20140621 104217}, ...; one in three as two lines, the date over the time; 1.2 to 4.5 % of the picture's
         * height; monospaced, regular or bold, white, yellow or orange, plain, shadowed or on a dark band), drawn before
         * the camera effects and never over a plate. Default 0: the scenes of earlier versions, unchanged. A stamp's digits
         * are text a plate detector finds and a reader may take for an all-digit plate; the labels hold only the plates.
         */
        public Builder dateStampShare(double share) {
            this.dateStampShare = PlatePainter.Shares.check("date stamp share", share);
            return this;
        }

        /**
         * Share of crops with camera effects that also get a far camera's look (default 0: the renders of earlier
         * versions, unchanged): the picture's detail is lost below its pixel grid (scaled down by 1.2 to 2.0 with area
         * averaging and back up bilinearly, as lens blur, demosaicing and a camera's own scaling do), its contrast is
         * washed out towards grey, and it is JPEG-compressed hard (quality 0.3 to 0.6). Real far plates are blurrier
         * and flatter than a plate simply drawn small. Clean crops and scenes are not affected.
         */
        public Builder cameraFarShare(double share) {
            this.cameraFarShare = PlatePainter.Shares.check("camera far share", share);
            return this;
        }

        /**
         * The plate's width in a crop with camera effects, in pixels before {@link #outputSize} scales the crop:
         * drawn log-uniformly from {@code min} to {@code max} (default 60 to 300). Narrow ranges such as 45 to 110
         * render what a far or low-resolution camera sees: few pixels per character, blurred further by the
         * camera effects. Clean crops and scenes are not affected.
         */
        public Builder plateWidths(double min, double max) {
            if (!(min >= 16 && max >= min && max <= 2000)) {
                throw new IllegalArgumentException("plate widths " + min + " to " + max + " must satisfy 16 <= min <= max <= 2000");
            }
            this.minPlateWidth = min;
            this.maxPlateWidth = max;
            return this;
        }

        /**
         * Share of serials drawn in a road-sign gothic face (the Highway Gothic series of Debian's
         * {@code fonts-roadgeek}, DIN from {@code fonts-opendin}), whose narrow tailed Q, bare 1 and
         * squared 0 are closer to US plate faces than the general condensed sans faces (default 0: the
         * renders of earlier versions, unchanged). Without those packages the serial keeps the other faces.
         */
        public Builder signFontShare(double share) {
            this.signFontShare = PlatePainter.Shares.check("sign font share", share);
            return this;
        }

        /**
         * Share of plates drawn with picture emblems (default 0: the renders of earlier versions, unchanged):
         * an emblem where a serial's groups meet, in place of its space or dash, and each emblem between
         * groups is a picture as tall as the characters or taller (a bucking horse and rider, a rayed sun, a
         * fruit with a leaf, a lighthouse, a wheelchair symbol, a state's outline) instead of a small star or
         * disc; a quarter of those plates also carry the wheelchair symbol of access beside the serial. Real
         * plates print such pictures inside the serial's row, and readers trained without them read them as characters.
         */
        public Builder pictureEmblemShare(double share) {
            this.pictureShare = PlatePainter.Shares.check("picture emblem share", share);
            return this;
        }

        /**
         * Share of plates drawn as specialty plates (default 0: the renders of earlier versions, unchanged): a round
         * seal 0.85 to 1.2 serial heights across beside the serial (a university's, an armed service's, a team's, a
         * cause's), the serial printed a little smaller, and on half of them two stacked letters (the plate type) at the
         * serial's other end; neither is part of the plate number. Readers that never saw them read the seal as an O, Q
         * or C and the stacked pair as a character. Only plates with distractors carry them, and only where the serial
         * keeps room (about half of the plates at share 1).
         */
        public Builder specialtyShare(double share) {
            this.specialtyShare = PlatePainter.Shares.check("specialty share", share);
            return this;
        }

        /**
         * Share of plates whose serial draws M and W in plate-gothic shapes (default 0: the renders of earlier versions,
         * unchanged): an M whose diagonals meet a quarter to two thirds of the way down between full-height stems, and a
         * W either as that M upside down or pointed, its middle apex's centre line from 0.45 to 1 cap heights high. Most US plates are
         * stamped in such a face (Texas's M meets about a third of the way down); the general faces' M meets halfway or
         * lower, and readers trained only on them read the plate's M as H and its W as N, H or K.
         */
        public Builder plateGothicShare(double share) {
            this.plateGothicShare = PlatePainter.Shares.check("plate gothic share", share);
            return this;
        }

        /**
         * Share of plates whose serial is stamped in a face with a plain-bar 1 (default 0: the renders of earlier versions,
         * unchanged): the 1 a bar of the face's stem width, without flag or foot, as Massachusetts stamps it, and the I,
         * where the serial has one, that bar with serifs 0.32 to 0.5 cap heights wide (at least twice the stem) across its top and foot, as such
         * faces keep it apart. The proportional faces flag their 1 and draw the I as a plain bar, so readers trained only on
         * them read a plain-bar 1 as I.
         */
        public Builder plainOneShare(double share) {
            this.plainOneShare = PlatePainter.Shares.check("plain one share", share);
            return this;
        }

        /**
         * States whose every plate is stamped with the plain-bar 1 of {@link #plainOneShare} (default none), as
         * Massachusetts stamps it: bound to the state, a reader can learn it from the plate's legend, where a share of all
         * plates leaves a plain bar a 1 on some plates and an I on others. The other states' plates are drawn as without it.
         *
         * @throws NullPointerException if {@code states} or one of them is null
         */
        public Builder plainOneStates(Set<Jurisdiction> states) {
            this.plainOneStates = Set.copyOf(states);
            return this;
        }

        /**
         * The states whose plates are drawn (default, and for an empty set: every state with its own style, equally
         * often); the plates of {@code states} are drawn equally often and no other, in crops and street scenes alike.
         * Narrowing it renders a set of one state's plates directly, where keeping one state's plates from a full render
         * keeps about one in 51. The default renders the same plates as before this option existed.
         *
         * @throws IllegalArgumentException if one of {@code states} has no style of its own (the 50 states and DC have
         *     one; the territories, the Canadian provinces and the unknown jurisdiction do not)
         * @throws NullPointerException if {@code states} or one of them is null
         */
        public Builder states(Set<Jurisdiction> states) {
            Set<Jurisdiction> copy = Set.copyOf(states);
            for (Jurisdiction j : copy) {
                if (!PlateStyle.ALL.containsKey(j)) {
                    throw new IllegalArgumentException("no plate style for jurisdiction " + j.code() + ": only the 50 states and DC can be drawn");
                }
            }
            this.states = copy;
            return this;
        }

        /**
         * Share of general-issue serials whose letters come from the whole alphabet, I, O and Q included
         * (default 0.08); the others use the letters most states issue, without I, O and Q. Raise it to
         * teach a reader the tailed Q and the letters I and O that several states do issue.
         */
        public Builder fullAlphabetShare(double share) {
            this.fullAlphabetShare = PlatePainter.Shares.check("full alphabet share", share);
            return this;
        }

        /** The seed every rendering derives from (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether to add camera effects (default true); without them, a clean frontal plate, and
         * scenes hold it upright without perspective or JPEG compression.
         */
        public Builder photoEffects(boolean on) {
            this.photo = on;
            return this;
        }

        /**
         * Whether to draw what is not part of the plate text (default true): stacked small characters,
         * side badges, stickers, bolts, frames and dirt (Wyoming's county number is part of its serial). Without them, a plain
         * plate (art, legend, slogan, serial) that any reader should read, for tests of readers and finders.
         */
        public Builder distractors(boolean on) {
            this.distractors = on;
            return this;
        }

        /** Scales every crop to {@code width x height} (default: the crop's natural size). */
        public Builder outputSize(int width, int height) {
            if (width <= 0 || height <= 0 || width > 4096 || height > 4096) {
                throw new IllegalArgumentException("output size " + width + "x" + height + " must be 1 to 4096 pixels each way");
            }
            this.outputWidth = width;
            this.outputHeight = height;
            return this;
        }

        /** The size of {@link PlateRenderer#renderScene(PlateSpec)} pictures (default 640x480); the plate stays 70 to 220 pixels wide. */
        public Builder sceneSize(int width, int height) {
            if (width < 320 || height < 240 || width > 4096 || height > 4096) {
                throw new IllegalArgumentException("scene size " + width + "x" + height + " must be 320x240 to 4096x4096");
            }
            this.sceneWidth = width;
            this.sceneHeight = height;
            return this;
        }

        /** The renderer. */
        public PlateRenderer build() {
            return new PlateRenderer(this);
        }
    }
}
