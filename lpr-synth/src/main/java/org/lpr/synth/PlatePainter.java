package org.lpr.synth;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.lpr.core.read.Jurisdiction;

/**
 * Paints a frontal, undistorted plate: background art, legend, slogan, serial, stickers, stacked
 * characters and other distractors, bolts, frame and dirt. Everything random comes from the given
 * generator, so a seed fixes the picture.
 */
final class PlatePainter {
    static final int WIDTH = 400;
    static final int HEIGHT = 200;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] COUNTIES = {"KNOX", "SHELBY", "DAVIDSON", "FULTON", "COBB", "MARION", "FRANKLIN",
        "JEFFERSON", "MONROE", "WASHINGTON", "JACKSON", "LINCOLN", "MADISON", "CLAY", "UNION", "WAYNE", "COUNTY"};
    private static final Color[] STICKER_COLOURS = {new Color(0xE53935), new Color(0x43A047), new Color(0xFDD835),
        new Color(0x1E88E5), new Color(0xFB8C00), new Color(0x8E24AA), new Color(0xFFFFFF), new Color(0x00ACC1)};

    private PlatePainter() {
    }

    /** Serial glyphs keep at least this many pixels (of the {@value #WIDTH}-wide plate) from each other and from distractors. */
    static final double CLEARANCE = 2;
    /** The least contrast (luminance difference, 0 to 1) between serial ink and most of the background behind the serial. */
    static final double MIN_CONTRAST = 0.4;
    /** The share of background pixels behind the serial that must contrast with the ink by {@link #MIN_CONTRAST}. */
    static final double CONTRAST_SHARE = 0.9;

    /**
     * A painted plate and where things went on it, for tests that check legibility.
     *
     * @param image the plate
     * @param glyphs each serial character's (and emblem's) box, in order, bold stroke and emboss shadow included
     * @param distractors boxes of what is painted opaque near the serial afterwards: stickers, bolts, frame bars
     * @param contrast the luminance difference between the ink and the background behind the serial
     *     that {@value #CONTRAST_SHARE} of its pixels reach (measured on the pixels before the serial was drawn)
     * @param serialFont the face the serial was drawn in
     */
    record Painted(BufferedImage image, List<Rectangle2D> glyphs, List<Rectangle2D> distractors, List<Rectangle2D> texts,
            double contrast, Font serialFont) {
    }

    /**
     * How often the painter draws each of its optional looks, each a share from 0 to 1; a share of 0 draws nothing
     * more from the random source, so renders made without a look stay as they were.
     *
     * @param signFont the serial in a road-sign face ({@link PlateFonts#SIGN_FONTS})
     * @param pictureEmblem each emblem in the serial a picture emblem ({@link #pictureEmblem}); with distractors the
     *     wheelchair symbol of access sometimes beside the serial
     * @param specialty with distractors, a specialty plate's seal beside the serial ({@link #paintSeal})
     * @param plateGothic the serial's M and W in the plate-gothic shapes of {@link #plateGothic}
     * @param plainOne the serial's 1 a plain bar and its I a bar with serifs ({@link #plainOne})
     * @param plainOneStates the states whose every plate has the plain-bar 1 of {@code plainOne}, as they stamp it (their
     *     plates draw nothing for the share; the other states' plates are drawn as without them)
     */
    record Shares(double signFont, double pictureEmblem, double specialty, double plateGothic, double plainOne,
            Set<Jurisdiction> plainOneStates) {
        /** No optional look at all. */
        static final Shares NONE = new Shares(0, 0, 0, 0);

        Shares {
            check("sign font share", signFont);
            check("picture emblem share", pictureEmblem);
            check("specialty share", specialty);
            check("plate gothic share", plateGothic);
            check("plain one share", plainOne);
            plainOneStates = Set.copyOf(plainOneStates);
        }

        /** The four looks without a plain 1 (the renders of versions before it). */
        Shares(double signFont, double pictureEmblem, double specialty, double plateGothic) {
            this(signFont, pictureEmblem, specialty, plateGothic, 0, Set.of());
        }

        /** {@code share}, refused with a message naming {@code what} unless it is from 0 to 1. */
        static double check(String what, double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException(what + " " + share + " must be between 0 and 1");
            }
            return share;
        }
    }

    /**
     * Paints a plate printing {@code printed} in {@code style} onto a new {@value #WIDTH}x{@value #HEIGHT} image;
     * without {@code withDistractors}, only the plate's art, legend, slogan and
     * serial: no stacked characters, side badges, stickers, bolts, frame or dirt (Wyoming's county number is part of
     * the serial, see {@code PlateRenderer.randomSpec}); the optional looks at their {@code shares}.
     */
    static BufferedImage paint(PlateStyle style, String printed, SplittableRandom r, boolean withDistractors, Shares shares) {
        return paintDetailed(style, printed, r, withDistractors, shares).image();
    }

    /**
     * Paints as {@link #paint} and tells where the serial and the distractors went. Real plates keep
     * the serial legible: stickers, bolts and frames sit in the corners and bands around it, the ink
     * contrasts with the plate, and characters do not touch; so does this painter.
     */
    static Painted paintDetailed(PlateStyle style, String printed, SplittableRandom r) {
        return paintDetailed(style, printed, r, true, Shares.NONE);
    }

    /**
     * Paints as {@link #paintDetailed(PlateStyle, String, SplittableRandom)}, with or without distractors; the serial's face is one of
     * {@link PlateFonts#SIGN_FONTS} with probability {@code signFontShare} (0 draws nothing more from {@code r}).
     */
    static Painted paintDetailed(PlateStyle style, String printed, SplittableRandom r, boolean withDistractors, double signFontShare) {
        return paintDetailed(style, printed, r, withDistractors, new Shares(signFontShare, 0, 0, 0));
    }

    /** Paints as {@link #paint(PlateStyle, String, SplittableRandom, boolean, Shares)} and tells where things went. */
    static Painted paintDetailed(PlateStyle style, String printed, SplittableRandom r, boolean withDistractors, Shares shares) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);

        Color plate = pick(style.plateColours(), r);
        Color ink = pick(style.serialColours(), r);
        if (r.nextDouble() < 0.08) {
            ink = randomInk(r);
        }
        Color legendInk = pick(style.legendColours(), r);
        paintBackground(g, plate, ink, r);

        boolean legendOnTop = r.nextDouble() < 0.85;
        boolean stacked = r.nextDouble() < 0.12 && withDistractors;
        double serialTop = 0.26 + r.nextDouble() * 0.08;
        double serialHeight = 0.40 + r.nextDouble() * 0.14;
        if (!legendOnTop) {
            serialTop = 0.18 + r.nextDouble() * 0.06;
        }
        double left = 0.05 + r.nextDouble() * 0.05;
        double right = 0.95 - r.nextDouble() * 0.05;
        // the ink must stand out from the background behind the serial (art and gradients included)
        Rectangle2D behind = new Rectangle2D.Double(left * WIDTH, serialTop * HEIGHT, (right - left) * WIDTH, serialHeight * HEIGHT);
        double contrast = contrast(img, behind, ink);
        if (contrast < MIN_CONTRAST) {
            Color dark = new Color(0x111111);
            double darkContrast = contrast(img, behind, dark);
            double lightContrast = contrast(img, behind, Color.WHITE);
            ink = darkContrast >= lightContrast ? dark : Color.WHITE;
            contrast = Math.max(darkContrast, lightContrast);
        }
        if (stacked) {
            double stackW = 0.09 + r.nextDouble() * 0.03;
            paintStacked(g, left, serialTop, serialHeight, stackW, ink, r);
            left += stackW + 0.02;
        }
        if (withDistractors && shares.pictureEmblem() > 0 && !stacked && r.nextDouble() < shares.pictureEmblem() * ACCESS_SYMBOL_SHARE) {
            // the wheelchair symbol of access, as tall as the serial, left of it (plates for people with disabilities)
            double w = serialHeight * HEIGHT * (0.8 + r.nextDouble() * 0.3) / WIDTH;
            Shape access = accessSymbol(left * WIDTH, (serialTop + serialHeight / 2) * HEIGHT, w * WIDTH, r);
            g.setColor(r.nextBoolean() ? ink : randomInk(r));
            g.fill(access);
            left += access.getBounds2D().getWidth() / WIDTH + 0.02 + r.nextDouble() * 0.03;
        }
        List<Rectangle2D> seals = new ArrayList<>(1);
        if (withDistractors && shares.specialty() > 0 && r.nextDouble() < shares.specialty()) {
            // a specialty plate (a university, an armed service, a team, a cause): a round seal beside the serial, about as
            // tall as the characters, left of them or, beside stacked characters, right of them; and often the plate
            // type as two stacked letters at the serial's other end. Neither is part of the plate number. The serial is
            // printed a little smaller, as on real specialty plates; where the seal would leave it less than
            // MIN_SERIAL_WIDTH of the plate (a wheelchair symbol or stacked characters already beside it), no seal.
            double height = serialHeight * 0.85;
            double d = height * HEIGHT * (0.85 + r.nextDouble() * 0.35);
            double gap = 0.015 + r.nextDouble() * 0.03;
            boolean sealLeft = !stacked;
            double stackW = r.nextDouble() < 0.5 && sealLeft ? 0.07 + r.nextDouble() * 0.03 : 0;
            double stackGap = 0.015 + r.nextDouble() * 0.02;
            double cy = (serialTop + serialHeight / 2) * HEIGHT + (r.nextDouble() - 0.5) * 0.2 * d;
            double room = right - left - d / WIDTH - gap;
            if (room - stackW - stackGap < MIN_SERIAL_WIDTH) {
                stackW = 0;
            }
            if (room >= MIN_SERIAL_WIDTH) {
                serialTop += (serialHeight - height) / 2;
                serialHeight = height;
                double cx = sealLeft ? left * WIDTH + d / 2 : right * WIDTH - d / 2;
                paintSeal(g, cx, cy, d, ink, r);
                seals.add(new Rectangle2D.Double(cx - d / 2, cy - d / 2, d, d));
                if (sealLeft) {
                    left += d / WIDTH + gap;
                } else {
                    right -= d / WIDTH + gap;
                }
                if (stackW > 0) {
                    paintStacked(g, right - stackW, serialTop, serialHeight, stackW, ink, r);
                    right -= stackW + stackGap;
                }
            }
        }
        if (r.nextDouble() < 0.12 && withDistractors) {
            // a side emblem or badge beside the serial (disabled-veteran, county numbers, logos)
            double w = 0.07 + r.nextDouble() * 0.05;
            boolean onLeft = !stacked && r.nextBoolean();
            double x = onLeft ? left : right - w;
            paintSideMark(g, x, serialTop, w, serialHeight, ink, r);
            if (onLeft) {
                left += w + 0.01;
            } else {
                right -= w + 0.01;
            }
        }

        // (Wyoming's county number and emblem are part of the printed serial: PlateRenderer.randomSpec)
        Serial serial = layoutSerial(printed, left, right, serialTop, serialHeight, shares,
                shares.plainOneStates().contains(style.jurisdiction()), r);
        List<Rectangle2D> keepOut = serial.boxes();
        List<Rectangle2D> texts = paintLegend(g, style, legendOnTop, legendInk, keepOut, r);
        paintSerial(g, serial, ink, r);
        List<Rectangle2D> distractors = new ArrayList<>(seals);
        if (withDistractors) {
            paintStickers(g, serialTop, serialHeight, keepOut, distractors, r);
            if (r.nextDouble() < 0.6) {
                paintBolts(g, keepOut, distractors, r);
            }
            if (r.nextDouble() < 0.3) {
                paintFrame(g, keepOut, distractors, r);
            }
            if (r.nextDouble() < 0.3) {
                paintDirt(g, r);
            }
        }
        g.dispose();
        return new Painted(img, keepOut, List.copyOf(distractors), texts, contrast, serial.font());
    }

    /**
     * The luminance difference between {@code ink} and the background in {@code box} that
     * {@value #CONTRAST_SHARE} of its pixels reach.
     */
    static double contrast(BufferedImage img, Rectangle2D box, Color ink) {
        int x0 = Math.max(0, (int) box.getMinX());
        int y0 = Math.max(0, (int) box.getMinY());
        int x1 = Math.min(img.getWidth(), (int) Math.ceil(box.getMaxX()));
        int y1 = Math.min(img.getHeight(), (int) Math.ceil(box.getMaxY()));
        if (x1 <= x0 || y1 <= y0) {
            return 1;
        }
        double inkL = luminance(ink);
        int[] histogram = new int[101];
        int n = 0;
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1; x += 2) {
                double d = Math.abs(luminance(new Color(img.getRGB(x, y))) - inkL);
                histogram[(int) Math.round(d * 100)]++;
                n++;
            }
        }
        int below = 0;
        for (int i = 0; i <= 100; i++) {
            below += histogram[i];
            if (below > n * (1 - CONTRAST_SHARE)) {
                return i / 100.0;
            }
        }
        return 1;
    }

    private static void paintBackground(Graphics2D g, Color plate, Color ink, SplittableRandom r) {
        g.setColor(plate);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        if (r.nextDouble() < 0.5) {
            Color other = shift(plate, r, 40);
            boolean vertical = r.nextDouble() < 0.7;
            g.setPaint(new GradientPaint(0, 0, plate, vertical ? 0 : WIDTH, vertical ? HEIGHT : 0, other));
            g.fillRect(0, 0, WIDTH, HEIGHT);
        }
        double art = r.nextDouble();
        float alpha = (float) (0.25 + r.nextDouble() * 0.5);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        if (art < 0.2) {
            // mountains along the bottom
            Path2D p = new Path2D.Double();
            p.moveTo(0, HEIGHT);
            double x = 0;
            double base = HEIGHT * (0.55 + r.nextDouble() * 0.3);
            while (x < WIDTH) {
                x += 20 + r.nextDouble() * 60;
                p.lineTo(x, base - r.nextDouble() * HEIGHT * 0.35);
            }
            p.lineTo(WIDTH, HEIGHT);
            p.closePath();
            g.setColor(pastel(r));
            g.fill(p);
        } else if (art < 0.35) {
            // a coloured band across the top, often with stars
            int h = (int) (HEIGHT * (0.15 + r.nextDouble() * 0.12));
            g.setColor(new Color(20 + r.nextInt(60), 40 + r.nextInt(80), 120 + r.nextInt(120)));
            g.fillRect(0, 0, WIDTH, h);
            g.setColor(Color.WHITE);
            for (int i = 0; i < 12; i++) {
                g.fill(star(r.nextDouble() * WIDTH, r.nextDouble() * h, 3 + r.nextDouble() * 5));
            }
        } else if (art < 0.5) {
            // waves, rainbow or sun arcs
            int n = 2 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                g.setColor(pastel(r));
                g.setStroke(new BasicStroke((float) (4 + r.nextDouble() * 14)));
                double cx = r.nextDouble() * WIDTH;
                double cy = HEIGHT * (0.6 + r.nextDouble());
                double rad = 60 + r.nextDouble() * 260;
                g.draw(new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad * (0.4 + r.nextDouble() * 0.6)));
            }
        } else if (art < 0.6) {
            // a large faint picture behind the serial (state outline, a sun, a bird)
            g.setColor(pastel(r));
            g.fill(blob(WIDTH * (0.2 + r.nextDouble() * 0.6), HEIGHT * (0.3 + r.nextDouble() * 0.4), 40 + r.nextDouble() * 60, r));
        }
        g.setComposite(AlphaComposite.SrcOver);
        if (r.nextDouble() < 0.5) {
            g.setColor(r.nextDouble() < 0.7 ? ink : Color.DARK_GRAY);
            g.setStroke(new BasicStroke((float) (1.5 + r.nextDouble() * 3)));
            double m = 4 + r.nextDouble() * 6;
            g.draw(new RoundRectangle2D.Double(m, m, WIDTH - 2 * m, HEIGHT - 2 * m, 20, 20));
        }
    }

    /**
     * Paints the legend, the slogan and sometimes a county name, each clear of the serial and of each
     * other (a county name that would sit on the slogan is left out); returns the boxes of the texts painted.
     */
    private static List<Rectangle2D> paintLegend(Graphics2D g, PlateStyle style, boolean onTop, Color ink,
            List<Rectangle2D> keepOut, SplittableRandom r) {
        List<Rectangle2D> texts = new ArrayList<>();
        String legend = style.legend();
        if (r.nextDouble() < 0.3) {
            legend = legend.equals(legend.toUpperCase()) ? titleCase(legend) : legend.toUpperCase();
        }
        Font font = pick(PlateFonts.LEGEND_FONTS, r);
        double h = HEIGHT * (0.12 + r.nextDouble() * 0.09);
        double maxW = WIDTH * (0.45 + r.nextDouble() * 0.45);
        double y = onTop ? HEIGHT * (0.04 + r.nextDouble() * 0.04) : HEIGHT * (0.78 + r.nextDouble() * 0.06);
        if (r.nextDouble() < 0.93) {
            addIfPainted(texts, drawTextClear(g, legend, font, WIDTH / 2.0 + (r.nextDouble() - 0.5) * 30, y, h, maxW, ink,
                    keepOut, texts));
        }
        if (r.nextDouble() < 0.8) {
            String slogan = pick(style.slogans(), r);
            Font sf = pick(PlateFonts.LEGEND_FONTS, r);
            double sh = HEIGHT * (0.06 + r.nextDouble() * 0.05);
            double sy = onTop ? HEIGHT * (0.83 + r.nextDouble() * 0.06) : HEIGHT * (0.04 + r.nextDouble() * 0.03);
            addIfPainted(texts, drawTextClear(g, slogan, sf, WIDTH / 2.0, sy, sh, WIDTH * 0.7,
                    r.nextDouble() < 0.7 ? ink : Color.DARK_GRAY, keepOut, texts));
        }
        if (r.nextDouble() < 0.2) {
            String county = COUNTIES[r.nextInt(COUNTIES.length)];
            double ch = HEIGHT * (0.06 + r.nextDouble() * 0.04);
            addIfPainted(texts, drawTextClear(g, county, pick(PlateFonts.SERIAL_FONTS, r), WIDTH * (0.3 + r.nextDouble() * 0.4),
                    onTop ? HEIGHT * 0.78 : HEIGHT * 0.12, ch, WIDTH * 0.4, Color.BLACK, keepOut, texts));
        }
        return List.copyOf(texts);
    }

    private static void addIfPainted(List<Rectangle2D> texts, Rectangle2D box) {
        if (box != null) {
            texts.add(box);
        }
    }

    /** A laid-out serial: its shapes in plate pixels, which are emblems, and each one's box as painted. */
    private record Serial(List<Shape> shapes, List<Boolean> emblem, List<Rectangle2D> boxes, double bold, boolean embossShadow, Font font,
            boolean picture) {
    }

    /**
     * Lays out the serial's glyphs in the box: each glyph's outline (after squeeze and slant) is
     * placed by its own bounds, with a gap that the bold stroke cannot close, so characters never touch.
     */
    private static Serial layoutSerial(String printed, double left, double right, double top, double height, Shares shares,
            boolean stateOne, SplittableRandom r) {
        Font font = shares.signFont() > 0 && !PlateFonts.SIGN_FONTS.isEmpty() && r.nextDouble() < shares.signFont()
                ? pick(PlateFonts.SIGN_FONTS, r) : pick(PlateFonts.SERIAL_FONTS, r);
        double squeeze = 0.72 + r.nextDouble() * 0.45;
        double tracking = 0.06 + r.nextDouble() * 0.12;
        double bold = r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 0.05;
        boolean openFour = r.nextDouble() < 0.5;
        double slant = r.nextDouble() < 0.1 ? -0.12 - r.nextDouble() * 0.1 : 0;
        PlateGothic gothic = shares.plateGothic() > 0 && r.nextDouble() < shares.plateGothic() ? PlateGothic.random(r) : null;
        double serif = stateOne || shares.plainOne() > 0 && r.nextDouble() < shares.plainOne()
                ? PLAIN_ONE_SERIF_MIN + r.nextDouble() * (PLAIN_ONE_SERIF_MAX - PLAIN_ONE_SERIF_MIN) : 0;

        // lay the glyphs out at unit cap height, then fit into the box
        List<Shape> shapes = new ArrayList<>();
        List<Boolean> emblem = new ArrayList<>();
        boolean picture = false;
        double x = 0;
        Rectangle2D capBox = font.createGlyphVector(FRC, "H").getVisualBounds();
        double cap = capBox.getHeight();
        // the gap between two glyphs' outlines: tracking plus what the bold stroke adds on both sides
        double gap = cap * (tracking + bold);
        for (char c : printed.toCharArray()) {
            if (c == ' ') {
                x += cap * (0.2 + r.nextDouble() * 0.35);
                continue;
            }
            if (c == '*') {
                Shape e;
                double width;
                if (shares.pictureEmblem() > 0 && r.nextDouble() < shares.pictureEmblem()) {
                    e = pictureEmblem(x + cap * 0.1, -cap * 0.5, cap, r);
                    width = e.getBounds2D().getWidth();
                    picture = true;
                } else {
                    width = cap * (0.6 + r.nextDouble() * 0.5);
                    e = emblemShape(x + cap * 0.1, -cap * 0.5 - width / 2, width, r);
                }
                shapes.add(e);
                emblem.add(Boolean.TRUE);
                x += width + cap * 0.2 + gap;
                continue;
            }
            if (c == '.') {
                double d = cap * 0.15;
                shapes.add(new Ellipse2D.Double(x + cap * 0.08, -cap * 0.5 - d / 2, d, d));
                emblem.add(Boolean.FALSE);
                x += d + cap * 0.16 + gap;
                continue;
            }
            Shape glyph = gothic != null && (c == 'M' || c == 'W') ? plateGothic(font, c, gothic)
                    : serif > 0 && (c == '1' || c == 'I') ? plainOne(font, c, serif)
                    : font.createGlyphVector(FRC, String.valueOf(c)).getOutline();
            AffineTransform at = new AffineTransform();
            at.scale(squeeze, 1);
            at.shear(slant, 0);
            Shape placed = at.createTransformedShape(glyph);
            if (c == '4' && openFour) {
                placed = openFour(placed);
            }
            if (c == '-') {
                x += cap * 0.05;
            }
            Rectangle2D pb = placed.getBounds2D();
            placed = AffineTransform.getTranslateInstance(x - pb.getX(), 0).createTransformedShape(placed);
            shapes.add(placed);
            emblem.add(Boolean.FALSE);
            x += pb.getWidth() + gap;
        }
        double totalW = x - gap;
        double boxW = (right - left) * WIDTH;
        double boxH = height * HEIGHT;
        double scale = Math.min(boxH / cap, boxW / totalW);
        double ox = left * WIDTH + (boxW - totalW * scale) / 2;
        double oy = top * HEIGHT + boxH / 2 + cap * scale / 2;
        AffineTransform place = new AffineTransform();
        place.translate(ox, oy);
        place.scale(scale, scale);
        boolean embossShadow = r.nextDouble() < 0.3;
        double stroke = bold * cap * scale;
        List<Shape> placedShapes = new ArrayList<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = place.createTransformedShape(shapes.get(i));
            placedShapes.add(s);
            Rectangle2D b = s.getBounds2D();
            double grow = emblem.get(i) ? 0 : stroke / 2;
            b = new Rectangle2D.Double(b.getX() - grow, b.getY() - grow, b.getWidth() + 2 * grow, b.getHeight() + 2 * grow);
            if (embossShadow && !emblem.get(i)) {
                b = b.createUnion(new Rectangle2D.Double(b.getX() + 1.5, b.getY() + 1.5, b.getWidth(), b.getHeight()));
            }
            boxes.add(b);
        }
        return new Serial(List.copyOf(placedShapes), List.copyOf(emblem), List.copyOf(boxes), stroke, embossShadow, font, picture);
    }

    private static void paintSerial(Graphics2D g, Serial serial, Color ink, SplittableRandom r) {
        Color emblemColour = randomInk(r);
        if (serial.picture() && r.nextBoolean()) {
            emblemColour = PICTURE_COLOURS[r.nextInt(PICTURE_COLOURS.length)];
        }
        for (int i = 0; i < serial.shapes().size(); i++) {
            Shape s = serial.shapes().get(i);
            boolean isEmblem = serial.emblem().get(i);
            if (serial.embossShadow() && !isEmblem) {
                g.setColor(new Color(0, 0, 0, 70));
                g.fill(AffineTransform.getTranslateInstance(1.5, 1.5).createTransformedShape(s));
            }
            g.setColor(isEmblem ? emblemColour : ink);
            g.fill(s);
            if (serial.bold() > 0 && !isEmblem) {
                g.setStroke(new BasicStroke((float) serial.bold(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
            }
        }
    }

    /** Whether {@code box}, grown by {@link #CLEARANCE}, stays clear of every box in {@code keepOut}. */
    static boolean clear(Rectangle2D box, List<Rectangle2D> keepOut) {
        Rectangle2D grown = new Rectangle2D.Double(box.getX() - CLEARANCE, box.getY() - CLEARANCE,
                box.getWidth() + 2 * CLEARANCE, box.getHeight() + 2 * CLEARANCE);
        for (Rectangle2D k : keepOut) {
            if (grown.intersects(k)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest rectangle holding every one of {@code boxes}. */
    static Rectangle2D union(List<Rectangle2D> boxes) {
        Rectangle2D u = (Rectangle2D) boxes.get(0).clone();
        for (Rectangle2D b : boxes) {
            u.add(b);
        }
        return u;
    }

    /** Cuts the top of a 4's diagonal away from its stem, as on many plate fonts (the "open" 4). */
    private static Shape openFour(Shape four) {
        Rectangle2D b = four.getBounds2D();
        Area a = new Area(four);
        Area foot = new Area(new Rectangle2D.Double(b.getX(), b.getMaxY() - b.getHeight() * 0.12, b.getWidth(), b.getHeight() * 0.06));
        foot.intersect(a);
        Rectangle2D stem = foot.getBounds2D();
        if (stem.isEmpty()) {
            return four;
        }
        double gap = b.getWidth() * 0.08;
        a.subtract(new Area(new Rectangle2D.Double(b.getX() - 1, b.getY() - 1, stem.getX() - gap - b.getX() + 1, b.getHeight() * 0.3 + 1)));
        return a;
    }

    /**
     * The shapes of a plate-gothic M and W, the faces most US plates are stamped in: an M whose diagonals meet in a
     * point {@code vertex} cap heights below the top, between full-height stems (about a third of the way down on Texas
     * plates, where the general faces reach halfway or to the baseline), and a W either as that M upside down
     * ({@code flatW}) or pointed with the centre line of its middle apex {@code apex} cap heights high (the ink reaches
     * a little higher). Readers that learned only the
     * general faces read such an M as H and such a W as N, H or K.
     */
    record PlateGothic(double vertex, boolean flatW, double apex) {
        PlateGothic {
            if (!(vertex > 0 && vertex < 1 && apex > 0 && apex <= 1)) {
                throw new IllegalArgumentException("vertex " + vertex + " must be in (0, 1) and apex " + apex + " in (0, 1]");
            }
        }

        static PlateGothic random(SplittableRandom r) {
            return new PlateGothic(0.25 + r.nextDouble() * 0.4, r.nextBoolean(), 0.45 + r.nextDouble() * 0.55);
        }
    }

    /**
     * {@code c} (M or W) drawn as {@code gothic} says with {@code font}'s stem width, in the box of the font's own
     * glyph, so it lines up with the rest of the serial.
     */
    static Shape plateGothic(Font font, char c, PlateGothic gothic) {
        Rectangle2D box = font.createGlyphVector(FRC, String.valueOf(c)).getVisualBounds();
        double top = box.getY();
        double h = box.getHeight();
        double bottom = top + h;
        double stem = stemWidth(font, h);
        double a = box.getX() + stem / 2;
        double b = box.getMaxX() - stem / 2;
        double mid = box.getCenterX();
        // the stroke's mitred point reaches below the centre line's vertex: put the point, not the centre line, at the depth
        double depth = gothic.vertex() * h;
        for (int k = 0; k < 8; k++) {
            depth = Math.max(stem / 2, gothic.vertex() * h - stem / 2 / Math.sin(Math.atan2(mid - a, depth)));
        }
        Path2D.Double p = new Path2D.Double();
        if (c == 'M') {
            p.moveTo(a, bottom + stem);
            p.lineTo(a, top);
            p.lineTo(mid, top + depth);
            p.lineTo(b, top);
            p.lineTo(b, bottom + stem);
        } else if (gothic.flatW()) {
            p.moveTo(a, top - stem);
            p.lineTo(a, bottom);
            p.lineTo(mid, bottom - depth);
            p.lineTo(b, bottom);
            p.lineTo(b, top - stem);
        } else {
            double w = box.getWidth();
            p.moveTo(a, top - stem);
            p.lineTo(box.getX() + w * 0.27, bottom);
            p.lineTo(mid, bottom - gothic.apex() * h);
            p.lineTo(box.getMaxX() - w * 0.27, bottom);
            p.lineTo(b, top - stem);
        }
        Area shape = new Area(new BasicStroke((float) stem, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f).createStrokedShape(p));
        shape.intersect(new Area(box));
        return shape;
    }

    /** The narrowest and widest serif of a plain-one face's I, in cap heights. */
    static final double PLAIN_ONE_SERIF_MIN = 0.32;
    static final double PLAIN_ONE_SERIF_MAX = 0.5;

    /**
     * The 1 and I of a plate face whose 1 is a plain bar, as Massachusetts stamps it (no flag, no foot): the 1 a bar of
     * {@code font}'s stem width and the height of its own 1, and the I that bar with a serif {@code serif} cap heights wide (at least twice the stem)
     * across its top and its foot, as such faces draw it to keep it apart from the 1. The proportional faces flag their 1
     * and draw the I as a plain bar, so readers trained only on them read a plain bar as I, and Massachusetts's
     * {@code 14CV10} as {@code I4CVI0}.
     */
    static Shape plainOne(Font font, char c, double serif) {
        if (c != '1' && c != 'I') {
            throw new IllegalArgumentException("plain-one shapes are drawn for 1 and I, not " + c);
        }
        Rectangle2D box = font.createGlyphVector(FRC, String.valueOf(c)).getVisualBounds();
        double h = box.getHeight();
        double stem = stemWidth(font, h);
        double mid = box.getCenterX();
        Area shape = new Area(new Rectangle2D.Double(mid - stem / 2, box.getY(), stem, h));
        if (c == 'I') {
            double w = Math.max(serif * h, stem * 2);
            double t = Math.max(1e-3 * h, stem * 0.8);
            shape.add(new Area(new Rectangle2D.Double(mid - w / 2, box.getY(), w, t)));
            shape.add(new Area(new Rectangle2D.Double(mid - w / 2, box.getMaxY() - t, w, t)));
        }
        return shape;
    }

    /** The width of {@code font}'s I at half its cap height {@code cap} (the stem), at most a quarter of the cap height. */
    private static double stemWidth(Font font, double cap) {
        Area i = new Area(font.createGlyphVector(FRC, "I").getOutline());
        i.intersect(new Area(new Rectangle2D.Double(-1e4, -cap * 0.52, 2e4, cap * 0.04)));
        double w = i.getBounds2D().getWidth();
        return w > 0 ? Math.min(w, cap / 4) : cap * 0.14;
    }

    private static void paintStacked(Graphics2D g, double left, double top, double height, double width, Color ink, SplittableRandom r) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        Font font = pick(PlateFonts.SERIAL_FONTS, r);
        double each = height * HEIGHT / 2.1;
        for (int i = 0; i < 2; i++) {
            String c = String.valueOf(letters.charAt(r.nextInt(letters.length())));
            drawTextCentered(g, c, font, (left + width / 2) * WIDTH, top * HEIGHT + i * each * 1.1, each, width * WIDTH, ink, 0, r);
        }
    }

    /** The least part of the plate's width a specialty plate's seal and stacked letters leave to the serial. */
    private static final double MIN_SERIAL_WIDTH = 0.62;

    /**
     * A specialty plate's seal of diameter {@code d} centred at ({@code cx}, {@code cy}): a disc with a ring in another
     * colour and, inside, a picture ({@link #pictureEmblem}), a star, a state's outline or one to three letters (a team's
     * initial, an armed service's). Readers that never saw one read it as an O, a Q or a C beside the serial.
     */
    private static void paintSeal(Graphics2D g, double cx, double cy, double d, Color ink, SplittableRandom r) {
        Color disc = r.nextDouble() < 0.4 ? Color.WHITE : r.nextBoolean() ? pastel(r) : pick(List.of(STICKER_COLOURS), r);
        Color ring = r.nextDouble() < 0.5 ? ink : randomInk(r);
        g.setColor(disc);
        g.fill(new Ellipse2D.Double(cx - d / 2, cy - d / 2, d, d));
        double ringW = d * (0.05 + r.nextDouble() * 0.08);
        g.setColor(ring);
        g.setStroke(new BasicStroke((float) ringW));
        g.draw(new Ellipse2D.Double(cx - d / 2 + ringW / 2, cy - d / 2 + ringW / 2, d - ringW, d - ringW));
        if (r.nextDouble() < 0.3) {
            // a second, thin ring inside (a seal's text band)
            double in = d * (0.16 + r.nextDouble() * 0.06);
            g.setStroke(new BasicStroke((float) Math.max(1, ringW / 3)));
            g.draw(new Ellipse2D.Double(cx - d / 2 + in, cy - d / 2 + in, d - 2 * in, d - 2 * in));
        }
        Color inner = r.nextDouble() < 0.5 ? ring : randomInk(r);
        if (inner.equals(disc)) {
            inner = ink;
        }
        g.setColor(inner);
        double inside = d * (0.45 + r.nextDouble() * 0.15);
        double kind = r.nextDouble();
        if (kind < 0.35) {
            Shape p = pictureEmblem(0, 0, inside, r);
            Rectangle2D b = p.getBounds2D();
            double scale = inside / Math.max(b.getWidth(), b.getHeight());
            AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
            at.scale(scale, scale);
            at.translate(-b.getCenterX(), -b.getCenterY());
            g.fill(at.createTransformedShape(p));
        } else if (kind < 0.55) {
            g.fill(star(cx, cy, inside / 2));
        } else if (kind < 0.7) {
            g.fill(blob(cx, cy, inside / 2, r));
        } else {
            int n = 1 + r.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append((char) ('A' + r.nextInt(26)));
            }
            drawTextCentered(g, text.toString(), pick(PlateFonts.LEGEND_FONTS, r), cx, cy - inside * 0.35, inside * 0.7, inside * 1.1,
                    inner, 0, r);
        }
    }

    private static void paintSideMark(Graphics2D g, double x, double top, double w, double h, Color ink, SplittableRandom r) {
        double px = x * WIDTH;
        double py = (top + h * (0.1 + r.nextDouble() * 0.3)) * HEIGHT;
        double size = w * WIDTH;
        if (r.nextBoolean()) {
            g.setColor(randomInk(r));
            g.fill(blob(px + size / 2, py + size / 2, size / 2, r));
        } else {
            // a small badge with a county or type code
            g.setColor(pick(List.of(STICKER_COLOURS), r));
            g.fill(new RoundRectangle2D.Double(px, py, size, size * 0.8, 6, 6));
            String code = r.nextBoolean() ? String.valueOf(1 + r.nextInt(99)) : String.valueOf((char) ('A' + r.nextInt(26)));
            drawTextCentered(g, code, pick(PlateFonts.SERIAL_FONTS, r), px + size / 2, py + size * 0.1, size * 0.55, size * 0.9, Color.BLACK, 0, r);
        }
    }

    private static void paintStickers(Graphics2D g, double serialTop, double serialHeight, List<Rectangle2D> keepOut,
            List<Rectangle2D> painted, SplittableRandom r) {
        int n = r.nextDouble() < 0.35 ? 0 : 1 + r.nextInt(2);
        Rectangle2D serial = union(keepOut);
        double margin = CLEARANCE + 1;
        for (int i = 0; i < n; i++) {
            double w = WIDTH * (0.1 + r.nextDouble() * 0.1);
            double h = HEIGHT * (0.11 + r.nextDouble() * 0.09);
            boolean leftSide = r.nextBoolean();
            boolean topRow = r.nextDouble() < 0.7;
            double x = leftSide ? WIDTH * (0.02 + r.nextDouble() * 0.05) : WIDTH * (0.98 - r.nextDouble() * 0.05) - w;
            double y = topRow ? HEIGHT * (0.03 + r.nextDouble() * 0.05) : HEIGHT * (0.97 - r.nextDouble() * 0.05) - h;
            boolean beside = r.nextDouble() < 0.2;
            if (beside) {
                // a sticker pushed against the serial's side, the hardest distractor
                y = HEIGHT * (serialTop + serialHeight * (r.nextDouble() * 0.5));
            }
            Color c = STICKER_COLOURS[r.nextInt(STICKER_COLOURS.length)];
            String text = r.nextBoolean() ? MONTHS[r.nextInt(12)] : String.format("%02d", r.nextInt(100));
            Font font = pick(PlateFonts.SERIAL_FONTS, r);
            Rectangle2D box = new Rectangle2D.Double(x, y, w, h);
            if (!clear(box, keepOut) && beside) {
                // beside the serial, not over it: just left or right of its glyphs
                double sx = leftSide ? serial.getMinX() - margin - w : serial.getMaxX() + margin;
                box = new Rectangle2D.Double(sx, y, w, h);
            }
            if (!clear(box, keepOut) || box.getMinX() < 0 || box.getMaxX() > WIDTH) {
                // real stickers sit in the corners: move into the band above or below the serial, smaller if need be
                double room = topRow ? serial.getMinY() - margin - 2 : HEIGHT - 2 - (serial.getMaxY() + margin);
                double bh = Math.min(h, room);
                double bw = w * bh / h;
                double by = topRow ? serial.getMinY() - margin - bh : serial.getMaxY() + margin;
                box = new Rectangle2D.Double(leftSide ? x : x + w - bw, by, bw, bh);
                if (bh < HEIGHT * 0.07 || !clear(box, keepOut)) {
                    continue;
                }
            }
            g.setColor(c);
            g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 4, 4));
            painted.add(box);
            Color t = luminance(c) > 0.5 ? Color.BLACK : Color.WHITE;
            drawTextCentered(g, text, font, box.getCenterX(), box.getY() + box.getHeight() * 0.12, box.getHeight() * 0.7,
                    box.getWidth() * 0.9, t, 0, r);
        }
    }

    private static void paintBolts(Graphics2D g, List<Rectangle2D> keepOut, List<Rectangle2D> painted, SplittableRandom r) {
        double rad = 4 + r.nextDouble() * 5;
        double y1 = HEIGHT * (0.06 + r.nextDouble() * 0.08);
        double y2 = HEIGHT * (0.86 + r.nextDouble() * 0.08);
        double x1 = WIDTH * (0.15 + r.nextDouble() * 0.1);
        double x2 = WIDTH - x1;
        boolean bottom = r.nextBoolean();
        for (double[] p : bottom ? new double[][] {{x1, y1}, {x2, y1}, {x1, y2}, {x2, y2}} : new double[][] {{x1, y1}, {x2, y1}}) {
            Rectangle2D box = new Rectangle2D.Double(p[0] - rad, p[1] - rad, 2 * rad, 2 * rad);
            if (!clear(box, keepOut)) {
                continue; // bolt holes sit above and below the serial on real plates
            }
            g.setPaint(new RadialGradientPaint((float) (p[0] - rad / 3), (float) (p[1] - rad / 3), (float) rad * 1.5f,
                    new float[] {0f, 1f}, new Color[] {new Color(230, 230, 230), new Color(60, 60, 60)}));
            g.fill(new Ellipse2D.Double(p[0] - rad, p[1] - rad, 2 * rad, 2 * rad));
            painted.add(box);
        }
    }

    private static void paintFrame(Graphics2D g, List<Rectangle2D> keepOut, List<Rectangle2D> painted, SplittableRandom r) {
        Color frame = r.nextDouble() < 0.6 ? new Color(15 + r.nextInt(30), 15 + r.nextInt(30), 15 + r.nextInt(30))
                : new Color(170 + r.nextInt(60), 170 + r.nextInt(60), 170 + r.nextInt(60));
        double top = HEIGHT * r.nextDouble() * 0.08;
        double bottom = HEIGHT * (0.04 + r.nextDouble() * 0.12);
        double side = WIDTH * r.nextDouble() * 0.03;
        // the frame's bars end short of the serial (its rounded inner corners cut no deeper than the bars)
        Rectangle2D serial = union(keepOut);
        double margin = CLEARANCE + 1;
        top = Math.max(0, Math.min(top, serial.getMinY() - margin));
        bottom = Math.max(0, Math.min(bottom, HEIGHT - serial.getMaxY() - margin));
        side = Math.max(0, Math.min(side, Math.min(serial.getMinX(), WIDTH - serial.getMaxX()) - margin));
        double corner = Math.min(16, 2 * Math.min(side, Math.min(top, bottom)) + 8);
        g.setColor(frame);
        Area a = new Area(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        a.subtract(new Area(new RoundRectangle2D.Double(side, top, WIDTH - 2 * side, HEIGHT - top - bottom, corner, corner)));
        g.fill(a);
        painted.add(new Rectangle2D.Double(0, 0, WIDTH, top));
        painted.add(new Rectangle2D.Double(0, HEIGHT - bottom, WIDTH, bottom));
        painted.add(new Rectangle2D.Double(0, 0, side, HEIGHT));
        painted.add(new Rectangle2D.Double(WIDTH - side, 0, side, HEIGHT));
        if (bottom > HEIGHT * 0.08 && r.nextBoolean()) {
            String dealer = pick(List.of("AUTO SALES", "MOTORS", "TOYOTA", "HONDA OF TOWN", "FORD", "CHEVROLET", "DEALER.COM"), r);
            drawTextCentered(g, dealer, pick(PlateFonts.LEGEND_FONTS, r), WIDTH / 2.0, HEIGHT - bottom * 0.9, bottom * 0.7,
                    WIDTH * 0.6, luminance(frame) > 0.5 ? Color.BLACK : Color.WHITE, 0, r);
        }
    }

    private static void paintDirt(Graphics2D g, SplittableRandom r) {
        int n = 3 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (0.05 + r.nextDouble() * 0.2)));
            g.setColor(new Color(70 + r.nextInt(60), 55 + r.nextInt(40), 30 + r.nextInt(30)));
            g.fill(blob(r.nextDouble() * WIDTH, r.nextDouble() * HEIGHT, 10 + r.nextDouble() * 60, r));
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    /**
     * Draws text as {@link #drawTextCentered} where it stays clear of {@code keepOut} (the serial);
     * text that would touch the serial moves into the band above or below it, smaller where needed,
     * or is left out when the band is too narrow. Text that would touch one of {@code otherTexts} is left
     * out. Returns the box painted, or null when nothing was.
     */
    private static Rectangle2D drawTextClear(Graphics2D g, String text, Font font, double cx, double y, double h, double maxW,
            Color colour, List<Rectangle2D> keepOut, List<Rectangle2D> otherTexts) {
        Rectangle2D box = textBox(text, font, cx, y, h, maxW);
        if (box == null) {
            return null;
        }
        if (!clear(box, keepOut)) {
            Rectangle2D serial = union(keepOut);
            double margin = CLEARANCE + 1;
            if (box.getCenterY() > serial.getCenterY()) {
                // below the serial: cap top just under it, shrunk to the room left
                double top = serial.getMaxY() + margin;
                double room = HEIGHT - 2 - top;
                double s = Math.min(1, room / box.getHeight());
                y = top + (y - box.getY()) * s;
                h *= s;
                maxW *= s;
            } else {
                // above the serial: shrunk so that its descenders end above it
                double room = serial.getMinY() - margin - Math.max(2, box.getY());
                double s = Math.min(1, room / box.getHeight());
                y = Math.max(2, box.getY()) + (y - box.getY()) * s;
                h *= s;
                maxW *= s;
            }
            if (h < HEIGHT * 0.04) {
                return null;
            }
            box = textBox(text, font, cx, y, h, maxW);
            if (box == null || !clear(box, keepOut)) {
                return null;
            }
        }
        if (!clear(box, otherTexts)) {
            return null;
        }
        drawTextCentered(g, text, font, cx, y, h, maxW, colour, 0, null);
        return box;
    }

    /** The box {@link #drawTextCentered} fills for these arguments, or null for text without ink. */
    private static Rectangle2D textBox(String text, Font font, double cx, double y, double h, double maxW) {
        GlyphVector gv = font.createGlyphVector(FRC, text);
        Rectangle2D b = gv.getVisualBounds();
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return null;
        }
        double capH = font.createGlyphVector(FRC, "H").getVisualBounds().getHeight();
        double s = Math.min(h / capH, maxW / b.getWidth());
        double ox = cx - b.getCenterX() * s;
        double oy = y + capH * s;
        return new Rectangle2D.Double(ox + b.getX() * s, oy + b.getY() * s, b.getWidth() * s, b.getHeight() * s);
    }

    /** Draws {@code text} centred on {@code cx}, with its cap top at {@code y}, fitted in {@code h x maxW}. */
    private static void drawTextCentered(Graphics2D g, String text, Font font, double cx, double y, double h, double maxW,
            Color colour, double slant, SplittableRandom r) {
        GlyphVector gv = font.createGlyphVector(FRC, text);
        Rectangle2D b = gv.getVisualBounds();
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        double capH = font.createGlyphVector(FRC, "H").getVisualBounds().getHeight();
        double s = Math.min(h / capH, maxW / b.getWidth());
        AffineTransform at = new AffineTransform();
        at.translate(cx - b.getCenterX() * s, y + capH * s);
        at.scale(s, s);
        g.setColor(colour);
        g.fill(at.createTransformedShape(gv.getOutline()));
    }

    private static Shape emblemShape(double x, double y, double s, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Ellipse2D.Double(x, y, s, s);
            case 1 -> star(x + s / 2, y + s / 2, s / 2);
            case 2 -> blob(x + s / 2, y + s / 2, s / 2, r);
            default -> new RoundRectangle2D.Double(x, y + s * 0.1, s, s * 0.8, s * 0.3, s * 0.3);
        };
    }

    /** The share of plates with picture emblems ({@code pictureShare}) that also carry the wheelchair symbol beside the serial. */
    static final double ACCESS_SYMBOL_SHARE = 0.25;
    /** Picture emblems are painted in these or in the serial inks: a fruit, a sun, a state's art. */
    private static final Color[] PICTURE_COLOURS = {new Color(0xE8731C), new Color(0xD4A017), new Color(0xC62828), new Color(0x2E7D32),
        new Color(0x6D4C41), new Color(0x1565C0)};

    /**
     * A picture emblem between the serial's groups, as real plates print them (Wyoming's bucking horse,
     * New Mexico's sun symbol, Georgia's peach, Florida's orange, Mississippi's lighthouse, a wheelchair
     * symbol): about as tall as the characters or taller (1 to 1.5 cap heights, unless that would make it more
     * than 1.2 cap heights wide), detailed. {@code x} is its left edge, {@code cy} its vertical centre, {@code cap} the cap height.
     */
    static Shape pictureEmblem(double x, double cy, double cap, SplittableRandom r) {
        double s = cap * (1.0 + r.nextDouble() * 0.5);
        Shape e = switch (r.nextInt(6)) {
            case 0 -> accessSymbol(0, 0, s, r);
            case 1 -> rayedSun(s, r);
            case 2 -> fruit(s, r);
            case 3 -> rider(s, r);
            case 4 -> tower(s, r);
            default -> blob(0, 0, s / 2, 14 + r.nextInt(10), 0.45, r);
        };
        Rectangle2D b = e.getBounds2D();
        // s high, whatever the drawing's own proportions, and at most 1.2 cap heights wide: a wider picture would
        // squeeze the characters together on a long serial
        double k = Math.min(s / b.getHeight(), 1.2 * cap / b.getWidth());
        AffineTransform at = AffineTransform.getTranslateInstance(x, cy);
        at.scale(k, k);
        at.translate(-b.getX(), -b.getCenterY());
        return at.createTransformedShape(e);
    }

    /** The wheelchair symbol of access, {@code size} high, its left edge at {@code x} and its centre at height {@code cy}. */
    static Shape accessSymbol(double x, double cy, double size, SplittableRandom r) {
        double u = size;
        Area a = new Area(new Ellipse2D.Double(0.28 * u, 0, 0.18 * u, 0.18 * u));
        double t = 0.09 * u * (0.8 + r.nextDouble() * 0.4);
        // back, seat and leg as strokes
        a.add(new Area(new BasicStroke((float) t, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(
                polyline(0.36 * u, 0.24 * u, 0.38 * u, 0.58 * u, 0.66 * u, 0.58 * u, 0.78 * u, 0.9 * u))));
        a.add(new Area(new BasicStroke((float) (t * 0.8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(
                polyline(0.37 * u, 0.38 * u, 0.6 * u, 0.38 * u))));
        // the wheel: an open ring
        double wr = 0.3 * u;
        double cx = 0.36 * u;
        double cyw = 0.68 * u;
        Area ring = new Area(new Ellipse2D.Double(cx - wr, cyw - wr, 2 * wr, 2 * wr));
        ring.subtract(new Area(new Ellipse2D.Double(cx - wr + t, cyw - wr + t, 2 * (wr - t), 2 * (wr - t))));
        ring.subtract(new Area(new Rectangle2D.Double(cx, cyw - wr - 1, wr + 1, wr * 0.9)));
        a.add(ring);
        Rectangle2D b = a.getBounds2D();
        return AffineTransform.getTranslateInstance(x - b.getX(), cy - b.getCenterY()).createTransformedShape(a);
    }

    private static Path2D polyline(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        return p;
    }

    /** A sun: a disc with groups of rays in four directions (New Mexico's Zia) or rays all round. */
    private static Shape rayedSun(double s, SplittableRandom r) {
        double disc = s * (0.3 + r.nextDouble() * 0.12);
        Area a = new Area(new Ellipse2D.Double(-disc / 2, -disc / 2, disc, disc));
        boolean zia = r.nextBoolean();
        int rays = zia ? 4 : 8 + r.nextInt(6);
        double thick = s * 0.045;
        for (int i = 0; i < rays; i++) {
            double angle = 2 * Math.PI * i / rays;
            int lines = zia ? 4 : 1;
            for (int k = 0; k < lines; k++) {
                double off = (k - (lines - 1) / 2.0) * thick * 2.2;
                double len = zia && (k == 0 || k == lines - 1) ? s * 0.36 : s * 0.47;
                Shape ray = new Rectangle2D.Double(disc / 2 + s * 0.04, off - thick / 2, len - disc / 2, thick);
                a.add(new Area(AffineTransform.getRotateInstance(angle).createTransformedShape(ray)));
            }
        }
        return a;
    }

    /** A round fruit with a stem and a leaf (a peach, an orange). */
    private static Shape fruit(double s, SplittableRandom r) {
        double d = s * (0.7 + r.nextDouble() * 0.2);
        Area a = new Area(new Ellipse2D.Double(0, s - d, d, d));
        Shape leaf = new Ellipse2D.Double(0, 0, d * 0.45, d * 0.18);
        AffineTransform at = AffineTransform.getTranslateInstance(d * 0.5, s - d - d * 0.12);
        at.rotate(-0.5 - r.nextDouble() * 0.5);
        a.add(new Area(at.createTransformedShape(leaf)));
        a.add(new Area(new Rectangle2D.Double(d * 0.47, s - d - d * 0.15, d * 0.06, d * 0.2)));
        return a;
    }

    /** An animal-and-rider silhouette, taller than wide or about square: a body, legs, neck, head and a rider. */
    private static Shape rider(double s, SplittableRandom r) {
        Area a = new Area();
        double bodyW = s * (0.55 + r.nextDouble() * 0.2);
        double bodyH = s * 0.3;
        double tilt = -0.2 - r.nextDouble() * 0.6;
        AffineTransform body = AffineTransform.getRotateInstance(tilt, 0, s * 0.5);
        a.add(new Area(body.createTransformedShape(new Ellipse2D.Double(-bodyW / 2, s * 0.5 - bodyH / 2, bodyW, bodyH))));
        BasicStroke leg = new BasicStroke((float) (s * 0.09), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int i = 0; i < 4; i++) {
            double lx = (i < 2 ? -0.3 : 0.2 + (i - 2) * 0.08) * bodyW;
            double ly = s * 0.5;
            double fx = lx + (r.nextDouble() - 0.5) * s * 0.4;
            double fy = ly + s * (0.3 + r.nextDouble() * 0.2);
            a.add(new Area(body.createTransformedShape(leg.createStrokedShape(polyline(lx, ly, (lx + fx) / 2, (ly + fy) / 2 + s * 0.05, fx, fy)))));
        }
        // neck and head towards the front, a rider on the back
        BasicStroke neck = new BasicStroke((float) (s * 0.14), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        a.add(new Area(body.createTransformedShape(neck.createStrokedShape(polyline(bodyW * 0.4, s * 0.48, bodyW * 0.55, s * 0.2, bodyW * 0.7, s * 0.28)))));
        a.add(new Area(neck.createStrokedShape(polyline(0, s * 0.42, -s * 0.03, s * 0.12))));
        a.add(new Area(new Ellipse2D.Double(-s * 0.11, -s * 0.06, s * 0.2, s * 0.2)));
        BasicStroke arm = new BasicStroke((float) (s * 0.07), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        a.add(new Area(arm.createStrokedShape(polyline(0, s * 0.2, -s * 0.2, s * (0.05 + r.nextDouble() * 0.2)))));
        return a;
    }

    /** A lighthouse or tower: a tall tapered shaft with bands cut out and a lantern on top. */
    private static Shape tower(double s, SplittableRandom r) {
        double base = s * (0.36 + r.nextDouble() * 0.14);
        double top = base * 0.6;
        Area a = new Area(closedPath(4, i -> switch (i) {
            case 0 -> new double[] {-top / 2, s * 0.22};
            case 1 -> new double[] {top / 2, s * 0.22};
            case 2 -> new double[] {base / 2, s};
            default -> new double[] {-base / 2, s};
        }));
        for (int k = 1; k <= 2 + r.nextInt(2); k++) {
            a.subtract(new Area(new Rectangle2D.Double(-base, s * (0.22 + k * 0.2), 2 * base, s * 0.05)));
        }
        a.add(new Area(new Rectangle2D.Double(-top * 0.45, s * 0.07, top * 0.9, s * 0.13)));
        a.add(new Area(closedPath(3, i -> i == 0 ? new double[] {0, 0} : new double[] {(i == 1 ? -1 : 1) * top * 0.6, s * 0.08})));
        return a;
    }

    private static Shape star(double cx, double cy, double rad) {
        return closedPath(10, i -> {
            double a = Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? rad : rad * 0.45;
            return new double[] {cx + Math.cos(a) * rr, cy - Math.sin(a) * rr};
        });
    }

    /** A closed polygon through {@code n} corners, {@code corner.apply(i)} being corner {@code i}'s x and y, taken in order. */
    static Path2D closedPath(int n, java.util.function.IntFunction<double[]> corner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double[] c = corner.apply(i);
            if (i == 0) {
                p.moveTo(c[0], c[1]);
            } else {
                p.lineTo(c[0], c[1]);
            }
        }
        p.closePath();
        return p;
    }

    private static Shape blob(double cx, double cy, double rad, SplittableRandom r) {
        return blob(cx, cy, rad, 7 + r.nextInt(5), 0.5, r);
    }

    /** A closed outline of {@code n} corners round ({@code cx}, {@code cy}), each {@code rad} times 0.6 to 0.6 + {@code spread} from it (a state's outline, a logo). */
    private static Shape blob(double cx, double cy, double rad, int n, double spread, SplittableRandom r) {
        return closedPath(n, i -> {
            double a = 2 * Math.PI * i / n;
            double rr = rad * (0.6 + r.nextDouble() * spread);
            return new double[] {cx + Math.cos(a) * rr, cy + Math.sin(a) * rr};
        });
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static Color randomInk(SplittableRandom r) {
        Color[] inks = {new Color(0x111111), new Color(0x1A2A6C), new Color(0x8A1620), new Color(0x0E5A2E), new Color(0x3B2A80), new Color(0x5A3A1A)};
        return inks[r.nextInt(inks.length)];
    }

    private static Color pastel(SplittableRandom r) {
        return new Color(150 + r.nextInt(100), 150 + r.nextInt(100), 150 + r.nextInt(100));
    }

    private static Color shift(Color c, SplittableRandom r, int amount) {
        return new Color(clamp(c.getRed() + r.nextInt(-amount, amount + 1)), clamp(c.getGreen() + r.nextInt(-amount, amount + 1)),
                clamp(c.getBlue() + r.nextInt(-amount, amount + 1)));
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ';
        }
        return b.toString();
    }
}
