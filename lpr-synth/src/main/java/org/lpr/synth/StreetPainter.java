package org.lpr.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paints the street around plates for detector training: sky, buildings with shop signs, kerb, grass
 * and road, cars seen from behind or in front (body, windows, bumper, tail lights or headlights,
 * wheels, badges, bumper stickers, dealer names), road signs and other text that is not a plate.
 */
final class StreetPainter {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final String[] SHOP = {"PIZZA", "OPEN", "SALE", "CAFE", "BANK", "PHARMACY", "DINER", "MOTEL", "GAS", "TIRES",
        "AUTO REPAIR", "LIQUOR", "DELI", "BAKERY", "HOTEL", "PARKING", "CAR WASH", "DENTIST", "LAUNDRY", "PAWN", "BURGERS",
        "TACOS", "NAILS", "VAPE", "SUSHI", "GROCERY", "HARDWARE", "FITNESS", "OFFICE", "Main Street", "Family Dental", "Joe's"};
    private static final String[] ROAD = {"STOP", "ONE WAY", "NO PARKING", "EXIT", "SPEED LIMIT", "YIELD", "BUS STOP", "TOW AWAY",
        "SCHOOL", "DETOUR", "ROAD WORK", "MAIN ST", "ELM AVE", "OAK ST", "PARK RD", "RTE", "I-95", "US 1"};
    private static final String[] BRAND = {"TOYOTA", "HONDA", "FORD", "CHEVROLET", "NISSAN", "DODGE", "JEEP", "SUBARU", "KIA",
        "HYUNDAI", "MAZDA", "BUICK", "LEXUS", "GMC", "RAM", "TESLA", "CAMRY", "ACCORD", "CIVIC", "F-150", "ALTIMA", "COROLLA",
        "SILVERADO", "OUTBACK", "TACOMA", "Sierra", "Highlander", "Explorer"};
    private static final String[] TRIM = {"LX", "EX", "SE", "LE", "XLE", "4WD", "AWD", "V6", "HYBRID", "SPORT", "LIMITED", "4x4", "GT", "2.5i"};
    private static final String[] STICKER = {"HONK IF YOU LOVE JESUS", "MY CHILD IS AN HONOR STUDENT", "I BRAKE FOR ANIMALS",
        "BABY ON BOARD", "COEXIST", "26.2", "13.1", "OBX", "GO TEAM", "STUDENT DRIVER", "ARMY MOM", "SAVE THE BAY", "NRA",
        "I LOVE NY", "LIFE IS GOOD", "PARKING PERMIT 2024", "VOTE", "KEEP CALM", "USMC", "BEACH PERMIT 118"};
    private static final String[] DEALER = {"SMITH FORD", "AutoNation", "CarMax", "PREMIER HONDA", "JOHNSON CHEVY", "Hendrick",
        "BILL'S AUTO", "Toyota of Dallas", "Miller Nissan", "CAPITOL SUBARU", "Lithia", "PAGE JEEP"};
    private static final Color[] BODY = {new Color(0xF4F4F2), new Color(0x111214), new Color(0x9A9DA3), new Color(0xC5C8CC),
        new Color(0x4A4D52), new Color(0x8E1B1B), new Color(0x1D3A6B), new Color(0x264D2E), new Color(0xB8A57E), new Color(0x5A3A22),
        new Color(0xD9D2C0), new Color(0x2F6DB0), new Color(0xC9A227), new Color(0xE26B1E), new Color(0x7A1F3D)};

    private StreetPainter() {
    }

    /**
     * Paints the backdrop over the whole picture: sky or building fronts above the horizon (returned, in
     * pixels), then a sidewalk with a kerb, grass patches and a road with lane markings, each with texture.
     */
    static int backdrop(BufferedImage img, SplittableRandom r) {
        int w = img.getWidth();
        int h = img.getHeight();
        int horizon = (int) (h * (0.15 + r.nextDouble() * 0.35));
        int kerb = (int) (horizon + (h - horizon) * (0.05 + r.nextDouble() * 0.3));
        int[] px = new int[w * h];
        Color skyTop = r.nextDouble() < 0.6 ? new Color(90 + r.nextInt(60), 140 + r.nextInt(60), 200 + r.nextInt(55))
                : grey(150 + r.nextInt(100));
        Color skyLow = mixColour(skyTop, Color.WHITE, 0.5 + r.nextDouble() * 0.4);
        Color ground = r.nextDouble() < 0.7 ? grey(60 + r.nextInt(80)) : new Color(110 + r.nextInt(40), 100 + r.nextInt(40), 85 + r.nextInt(30));
        Color walk = grey(140 + r.nextInt(80));
        Color grass = new Color(40 + r.nextInt(60), 90 + r.nextInt(70), 20 + r.nextInt(40));
        boolean grassVerge = r.nextDouble() < 0.5;
        int grassEnd = kerb - (int) ((kerb - horizon) * r.nextDouble() * 0.6);
        int roadNoise = 6 + r.nextInt(14);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c;
                int n;
                if (y < horizon) {
                    c = mixColour(skyTop, skyLow, (double) y / Math.max(1, horizon)).getRGB();
                    n = r.nextInt(-2, 3);
                } else if (y < kerb) {
                    if (grassVerge && y < grassEnd) {
                        c = grass.getRGB();
                        n = r.nextInt(-25, 26);
                    } else {
                        c = walk.getRGB();
                        n = r.nextInt(-10, 11) + (x % 90 < 2 ? -30 : 0);
                    }
                } else if (y < kerb + Math.max(2, h / 60)) {
                    c = grey(200 - (y - kerb) * 8).getRGB();
                    n = r.nextInt(-8, 9);
                } else {
                    double t = (double) (y - kerb) / Math.max(1, h - kerb);
                    c = mixColour(ground, grey(30 + ground.getRed() / 3), t * 0.4).getRGB();
                    n = r.nextInt(-roadNoise, roadNoise + 1);
                }
                px[y * w + x] = add(c, n);
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        Graphics2D g = graphics(img);
        // lane markings in perspective
        Color paint = r.nextBoolean() ? new Color(235, 235, 225) : new Color(230, 190, 40);
        g.setColor(paint);
        double vx = w * (0.2 + r.nextDouble() * 0.6);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            double bx = r.nextDouble() * w * 1.6 - w * 0.3;
            for (double t = 0; t < 1; t += 0.12) {
                double t1 = t + 0.06;
                double y0 = kerb + (h - kerb) * t;
                double y1 = kerb + (h - kerb) * t1;
                double x0 = vx + (bx - vx) * t;
                double x1 = vx + (bx - vx) * t1;
                g.setStroke(new BasicStroke((float) (1 + 8 * t)));
                g.draw(new java.awt.geom.Line2D.Double(x0, y0, x1, y1));
            }
        }
        // buildings and shop signs above the horizon
        double x = -r.nextDouble() * 100;
        while (x < w) {
            double bw = w * (0.15 + r.nextDouble() * 0.35);
            double top = horizon * (r.nextDouble() * 0.8) - 10;
            if (r.nextDouble() < 0.8) {
                Color wall = r.nextDouble() < 0.5 ? grey(90 + r.nextInt(140)) : new Color(120 + r.nextInt(100), 70 + r.nextInt(80), 50 + r.nextInt(60));
                g.setColor(wall);
                g.fill(new Rectangle2D.Double(x, top, bw, kerb - top));
                g.setColor(mixColour(wall, Color.BLACK, 0.5 + r.nextDouble() * 0.3));
                double win = Math.max(6, bw / (3 + r.nextInt(5)));
                for (double wy = top + win * 0.4; wy < horizon - win * 0.6; wy += win * 1.3) {
                    for (double wx = x + win * 0.3; wx < x + bw - win; wx += win * 1.3) {
                        g.fill(new Rectangle2D.Double(wx, wy, win * 0.8, win * 0.9));
                    }
                }
                if (r.nextDouble() < 0.7) {
                    double sh = Math.max(10, Math.min(h * 0.08, bw * 0.2)) * (0.6 + r.nextDouble() * 0.6);
                    double sy = Math.max(top, horizon - sh * (1.5 + r.nextDouble() * 2));
                    textBoard(g, x + bw * 0.1, sy, bw * 0.8, sh, word(SHOP, r), r);
                }
            }
            x += bw + r.nextDouble() * 40;
        }
        g.dispose();
        return horizon;
    }

    /** Paints 0 to 4 road signs and posters with words and numbers, none touching {@code keepOut}. */
    static void signs(BufferedImage img, int horizon, List<Rectangle2D> keepOut, SplittableRandom r) {
        Graphics2D g = graphics(img);
        int w = img.getWidth();
        int h = img.getHeight();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            double sw = w * (0.04 + r.nextDouble() * 0.14);
            double sh = sw * (r.nextDouble() < 0.5 ? 0.3 + r.nextDouble() * 0.3 : 0.8 + r.nextDouble() * 0.6);
            double sx = r.nextDouble() * (w - sw);
            double sy = Math.max(0, horizon - sh - r.nextDouble() * h * 0.3);
            Rectangle2D box = new Rectangle2D.Double(sx - 4, sy - 4, sw + 8, h - sy);
            if (!PlatePainter.clear(box, keepOut)) {
                continue;
            }
            g.setColor(grey(90 + r.nextInt(60)));
            g.fill(new Rectangle2D.Double(sx + sw / 2 - Math.max(1, sw / 30), sy + sh, Math.max(2, sw / 15), Math.min(h - sy - sh, sh * 3)));
            double kind = r.nextDouble();
            if (kind < 0.2) {
                g.setColor(new Color(190, 20, 30));
                g.fill(octagon(sx + sw / 2, sy + sw / 2, sw / 2));
                drawText(g, "STOP", bold(r), sx + sw * 0.12, sy + sw * 0.35, sw * 0.76, sw * 0.3, Color.WHITE);
            } else {
                String text = word(ROAD, r);
                if (r.nextBoolean()) {
                    text = text + " " + (1 + r.nextInt(r.nextBoolean() ? 99 : 9999));
                }
                textBoard(g, sx, sy, sw, sh, text, r);
            }
        }
        g.dispose();
    }

    /**
     * Paints a car in box {@code (x, y, w, h)}, seen from behind ({@code rear}) or in front, without
     * its plate; {@code plate} (the plate's box, or null for a car without a plate in view) is kept
     * clear of badges and stickers and gets a darker recess behind it.
     */
    static void car(BufferedImage img, double x, double y, double w, double h, boolean rear, Rectangle2D plate, SplittableRandom r) {
        Graphics2D g = graphics(img);
        Color body = BODY[r.nextInt(BODY.length)];
        if (r.nextDouble() < 0.3) {
            body = shift(body, r, 30);
        }
        // shadow, wheels
        g.setColor(new Color(0, 0, 0, 120));
        g.fill(new Ellipse2D.Double(x - w * 0.03, y + h * 0.9, w * 1.06, h * 0.14));
        g.setColor(grey(15 + r.nextInt(20)));
        g.fill(new RoundRectangle2D.Double(x + w * 0.06, y + h * 0.78, w * 0.16, h * 0.22, w * 0.04, w * 0.04));
        g.fill(new RoundRectangle2D.Double(x + w * 0.78, y + h * 0.78, w * 0.16, h * 0.22, w * 0.04, w * 0.04));
        // cabin and window
        double roofIn = 0.12 + r.nextDouble() * 0.1;
        double cabinTop = y + h * (r.nextDouble() * 0.08);
        double cabinBottom = y + h * (0.38 + r.nextDouble() * 0.06);
        Path2D cabin = new Path2D.Double();
        cabin.moveTo(x + w * 0.06, cabinBottom);
        cabin.lineTo(x + w * roofIn, cabinTop);
        cabin.lineTo(x + w * (1 - roofIn), cabinTop);
        cabin.lineTo(x + w * 0.94, cabinBottom);
        cabin.closePath();
        g.setColor(body);
        g.fill(cabin);
        Path2D glass = new Path2D.Double();
        double gi = 0.03;
        glass.moveTo(x + w * (0.06 + gi + 0.02), cabinBottom - h * 0.02);
        glass.lineTo(x + w * (roofIn + gi), cabinTop + h * 0.04);
        glass.lineTo(x + w * (1 - roofIn - gi), cabinTop + h * 0.04);
        glass.lineTo(x + w * (0.94 - gi - 0.02), cabinBottom - h * 0.02);
        glass.closePath();
        Color dark = new Color(20 + r.nextInt(40), 25 + r.nextInt(40), 35 + r.nextInt(45));
        g.setPaint(new GradientPaint((float) x, (float) cabinTop, mixColour(dark, Color.WHITE, r.nextDouble() * 0.35), (float) x,
                (float) cabinBottom, dark));
        g.fill(glass);
        if (r.nextDouble() < 0.4) {
            g.setColor(new Color(255, 255, 255, 40 + r.nextInt(60)));
            Path2D streak = new Path2D.Double();
            double sx = x + w * (0.25 + r.nextDouble() * 0.4);
            streak.moveTo(sx, cabinBottom - h * 0.02);
            streak.lineTo(sx + w * 0.08, cabinTop + h * 0.04);
            streak.lineTo(sx + w * 0.16, cabinTop + h * 0.04);
            streak.lineTo(sx + w * 0.08, cabinBottom - h * 0.02);
            streak.closePath();
            g.fill(streak);
        }
        // body
        double bodyTop = cabinBottom - h * 0.02;
        double bodyBottom = y + h * 0.86;
        g.setPaint(new GradientPaint((float) x, (float) bodyTop, mixColour(body, Color.WHITE, 0.15), (float) x, (float) bodyBottom,
                mixColour(body, Color.BLACK, 0.25)));
        g.fill(new RoundRectangle2D.Double(x, bodyTop, w, bodyBottom - bodyTop, w * 0.08, h * 0.12));
        // bumper
        Color bumper = r.nextDouble() < 0.5 ? mixColour(body, Color.BLACK, 0.2) : grey(30 + r.nextInt(40));
        g.setColor(bumper);
        double bumperTop = y + h * (0.74 + r.nextDouble() * 0.04);
        g.fill(new RoundRectangle2D.Double(x - w * 0.01, bumperTop, w * 1.02, bodyBottom - bumperTop + h * 0.02, w * 0.05, h * 0.05));
        // lights
        double ly = bodyTop + h * (0.04 + r.nextDouble() * 0.06);
        double lh = h * (0.08 + r.nextDouble() * 0.08);
        double lw = w * (0.12 + r.nextDouble() * 0.1);
        Color light;
        if (rear) {
            light = r.nextDouble() < 0.85 ? new Color(170 + r.nextInt(80), 10 + r.nextInt(40), 15 + r.nextInt(30)) : new Color(230, 140, 20);
        } else {
            light = new Color(200 + r.nextInt(55), 200 + r.nextInt(55), 190 + r.nextInt(65));
        }
        boolean lit = r.nextDouble() < 0.3;
        for (int side = 0; side < 2; side++) {
            double lx = side == 0 ? x + w * 0.03 : x + w * 0.97 - lw;
            if (lit) {
                g.setColor(new Color(light.getRed(), light.getGreen(), light.getBlue(), 70));
                g.fill(new Ellipse2D.Double(lx - lw * 0.4, ly - lh * 0.6, lw * 1.8, lh * 2.2));
            }
            g.setColor(lit ? mixColour(light, Color.WHITE, 0.3) : light);
            g.fill(new RoundRectangle2D.Double(lx, ly, lw, lh, lw * 0.3, lh * 0.5));
            if (rear && r.nextBoolean()) {
                g.setColor(new Color(240, 150, 40));
                g.fill(new Rectangle2D.Double(side == 0 ? lx + lw * 0.6 : lx, ly + lh * 0.55, lw * 0.4, lh * 0.4));
            }
        }
        if (!rear) {
            // grille
            g.setColor(grey(20 + r.nextInt(40)));
            Rectangle2D grille = new Rectangle2D.Double(x + w * 0.25, ly, w * 0.5, Math.max(2, (plate != null ? plate.getMinY() - h * 0.02 : ly + lh * 1.6) - ly));
            g.fill(grille);
            g.setColor(grey(120 + r.nextInt(100)));
            for (double gy = grille.getMinY() + 3; gy < grille.getMaxY() - 1; gy += Math.max(3, grille.getHeight() / 5)) {
                g.fill(new Rectangle2D.Double(grille.getMinX(), gy, grille.getWidth(), Math.max(1, grille.getHeight() / 14)));
            }
        }
        if (plate != null) {
            g.setColor(mixColour(body, Color.BLACK, 0.45));
            g.fill(new Rectangle2D.Double(plate.getMinX() - plate.getWidth() * 0.08, plate.getMinY() - plate.getHeight() * 0.1,
                    plate.getWidth() * 1.16, plate.getHeight() * 1.2));
        }
        Rectangle2D keep = plate == null ? new Rectangle2D.Double(-1, -1, 0, 0)
                : new Rectangle2D.Double(plate.getMinX() - plate.getWidth() * 0.15, plate.getMinY() - plate.getHeight() * 0.2,
                        plate.getWidth() * 1.3, plate.getHeight() * 1.4);
        List<Rectangle2D> keepOut = List.of(keep);
        Color chrome = r.nextBoolean() ? grey(200 + r.nextInt(55)) : grey(20 + r.nextInt(40));
        // brand and trim badges on the trunk
        double th = h * (0.035 + r.nextDouble() * 0.03);
        if (rear && r.nextDouble() < 0.8) {
            textIfClear(g, word(BRAND, r), x + w * 0.08, ly + lh + h * 0.02, w * 0.3, th, chrome, keepOut, r);
        }
        if (rear && r.nextDouble() < 0.6) {
            textIfClear(g, word(TRIM, r), x + w * 0.68, ly + lh + h * 0.02, w * 0.2, th, chrome, keepOut, r);
        }
        // bumper sticker
        if (r.nextDouble() < 0.45) {
            double sw = w * (0.16 + r.nextDouble() * 0.12);
            double sh = sw * (0.2 + r.nextDouble() * 0.15);
            double sx = r.nextBoolean() ? x + w * 0.04 : x + w * 0.96 - sw;
            double sy = bumperTop + h * 0.01;
            Rectangle2D box = new Rectangle2D.Double(sx, sy, sw, sh);
            if (PlatePainter.clear(box, keepOut)) {
                Color bg = r.nextDouble() < 0.5 ? Color.WHITE : new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
                g.setColor(bg);
                g.fill(box);
                drawText(g, word(STICKER, r), pickFont(r), sx + sw * 0.05, sy + sh * 0.15, sw * 0.9, sh * 0.7,
                        PlatePainter.luminance(bg) > 0.5 ? Color.BLACK : Color.WHITE);
            }
        }
        // dealer name on the trunk or the rear window
        if (r.nextDouble() < 0.3) {
            double dw = w * 0.25;
            textIfClear(g, word(DEALER, r), x + w * 0.5 - dw / 2, r.nextBoolean() ? bumperTop - th * 1.6 : cabinBottom - h * 0.08, dw, th,
                    r.nextBoolean() ? Color.WHITE : chrome, keepOut, r);
        }
        g.dispose();
    }

    /** How far, in text-line heights, a date stamp stays from a plate (blur and JPEG spread it a few pixels). */
    static final double STAMP_MARGIN = 0.5;

    /**
     * Burns a date and time into a corner of {@code img} as a camera does, at least {@link #STAMP_MARGIN} text-line heights (3
     * pixels or more) clear of every {@code keepOut} box (tried in each corner, from one drawn at random; none drawn where
     * every corner would come that close to one, or where the stamp is wider than the picture). One stamp in three is two
     * lines, the date over the time, aligned to the corner's side, as many cameras print it (a line of digits such as
     * {@code 07:02:06} is about as wide as a plate's serial); half are small (1.2 to 2 % of the picture's height, as
     * the dev photos' cameras print them), the rest 2 to 4.5 %; half are set in a regular face, half in a bold one.
     *
     * @return whether a stamp was drawn
     */
    static boolean dateStamp(BufferedImage img, List<Rectangle2D> keepOut, SplittableRandom r) {
        // (its draws below are fixed in number and order: a scene's stamp depends only on its own stream)
        int year = 2010 + r.nextInt(17);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        int hour = r.nextInt(24);
        int minute = r.nextInt(60);
        int second = r.nextInt(60);
        int format = r.nextInt(5);
        // the date and the time of one of five camera formats
        String[] stamp = switch (format) {
            case 0 -> new String[] {String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day),
                String.format(Locale.ROOT, "%02d:%02d:%02d", hour, minute, second)};
            case 1 -> new String[] {String.format(Locale.ROOT, "%02d/%02d/%04d", month, day, year),
                String.format(Locale.ROOT, "%02d:%02d:%02d", hour, minute, second)};
            case 2 -> new String[] {String.format(Locale.ROOT, "%04d/%02d/%02d", year, month, day),
                String.format(Locale.ROOT, "%02d:%02d", hour, minute)};
            case 3 -> new String[] {String.format(Locale.ROOT, "%02d-%02d-%02d", day, month, year % 100),
                String.format(Locale.ROOT, "%02d:%02d", hour, minute)};
            default -> new String[] {String.format(Locale.ROOT, "%04d%02d%02d", year, month, day),
                String.format(Locale.ROOT, "%02d%02d%02d", hour, minute, second)};
        };
        double size = r.nextDouble();
        double mx = img.getWidth() * (0.005 + r.nextDouble() * 0.015);
        double my = img.getHeight() * (0.005 + r.nextDouble() * 0.015);
        int style = r.nextInt(3);
        Color ink = switch (r.nextInt(3)) {
            case 0 -> Color.WHITE;
            case 1 -> new Color(0xFFE600);
            default -> new Color(0xFF9A1A);
        };
        int first = r.nextInt(4);
        boolean twoLines = r.nextInt(3) == 0;
        boolean small = r.nextBoolean();
        Font font = r.nextBoolean() ? PlateFonts.STAMP_FONT : PlateFonts.STAMP_REGULAR_FONT;
        String[] lines = twoLines ? stamp : new String[] {stamp[0] + " " + stamp[1]};
        double th = img.getHeight() * (small ? 0.012 + size * 0.008 : 0.02 + size * 0.025);
        double lineGap = th * 0.35;
        // one scale for every line: the tallest line's outline (a date with slashes) is th high, so the digits of both
        // lines come out the same size
        Rectangle2D[] bounds = new Rectangle2D[lines.length];
        double tallest = 0;
        for (int i = 0; i < lines.length; i++) {
            bounds[i] = font.createGlyphVector(FRC, lines[i]).getOutline().getBounds2D();
            tallest = Math.max(tallest, bounds[i].getHeight());
        }
        double[] widths = new double[lines.length];
        double tw = 0;
        for (int i = 0; i < lines.length; i++) {
            widths[i] = bounds[i].getWidth() * th / tallest;
            tw = Math.max(tw, widths[i]);
        }
        double height = lines.length * th + (lines.length - 1) * lineGap;
        double pad = th * 0.3;
        if (tw + 2 * pad > img.getWidth() - 2 * mx) {
            return false;
        }
        double clear = Math.max(3, th * STAMP_MARGIN);
        for (int k = 0; k < 4; k++) {
            int corner = (first + k) % 4;
            boolean left = corner % 2 == 0;
            double x = left ? mx + pad : img.getWidth() - mx - pad - tw;
            double y = corner < 2 ? my + pad : img.getHeight() - my - pad - height;
            Rectangle2D area = new Rectangle2D.Double(x - pad, y - pad, tw + 2 * pad, height + 2 * pad);
            Rectangle2D near = new Rectangle2D.Double(area.getX() - clear, area.getY() - clear, area.getWidth() + 2 * clear,
                    area.getHeight() + 2 * clear);
            if (keepOut.stream().anyMatch(near::intersects)) {
                continue;
            }
            Graphics2D g = graphics(img);
            try {
                if (style == 2) {
                    g.setColor(new Color(0, 0, 0, 170));
                    g.fill(area);
                }
                for (int i = 0; i < lines.length; i++) {
                    // each line at the corner's side: a shorter time line under a date ends where the date ends (right) or starts where it starts (left)
                    double lx = left ? x : x + tw - widths[i];
                    double ly = y + i * (th + lineGap);
                    if (style == 1) {
                        double off = Math.max(1, th * 0.08);
                        drawText(g, lines[i], font, lx + off, ly + off, widths[i], th, Color.BLACK);
                    }
                    drawText(g, lines[i], font, lx, ly, widths[i], th, ink);
                }
            } finally {
                g.dispose();
            }
            return true;
        }
        return false;
    }

    private static void textIfClear(Graphics2D g, String text, double x, double y, double w, double h, Color ink, List<Rectangle2D> keepOut,
            SplittableRandom r) {
        if (PlatePainter.clear(new Rectangle2D.Double(x, y, w, h), keepOut)) {
            drawText(g, text, pickFont(r), x, y, w, h, ink);
        }
    }

    /** A board with a word (and sometimes a number) on it, in a random face, colour and border. */
    private static void textBoard(Graphics2D g, double x, double y, double w, double h, String text, SplittableRandom r) {
        Color bg;
        double kind = r.nextDouble();
        if (kind < 0.25) {
            bg = new Color(0x1E6B3A);
        } else if (kind < 0.45) {
            bg = Color.WHITE;
        } else if (kind < 0.55) {
            bg = new Color(0xF2C200);
        } else {
            bg = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        }
        g.setColor(bg);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, Math.min(w, h) * 0.2, Math.min(w, h) * 0.2));
        Color ink = PlatePainter.luminance(bg) > 0.5 ? grey(r.nextInt(40)) : grey(215 + r.nextInt(40));
        if (r.nextDouble() < 0.3) {
            ink = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        }
        if (r.nextBoolean()) {
            g.setColor(ink);
            g.setStroke(new BasicStroke((float) Math.max(1, h / 20)));
            g.draw(new RoundRectangle2D.Double(x + h * 0.06, y + h * 0.06, w - h * 0.12, h - h * 0.12, Math.min(w, h) * 0.2, Math.min(w, h) * 0.2));
        }
        if (r.nextDouble() < 0.3) {
            text = text + " " + String.format(Locale.ROOT, "%03d-%04d", r.nextInt(200, 999), r.nextInt(10000));
        }
        drawText(g, text, pickFont(r), x + w * 0.08, y + h * 0.18, w * 0.84, h * 0.64, ink);
    }

    /** Draws {@code text} filling the box {@code (x, y, w, h)} at most, centred in it. */
    private static void drawText(Graphics2D g, String text, Font font, double x, double y, double w, double h, Color ink) {
        Shape outline = font.createGlyphVector(FRC, text).getOutline();
        Rectangle2D b = outline.getBounds2D();
        if (b.getWidth() <= 0 || b.getHeight() <= 0 || w < 2 || h < 2) {
            return;
        }
        double s = Math.min(w / b.getWidth(), h / b.getHeight());
        AffineTransform at = new AffineTransform();
        at.translate(x + (w - b.getWidth() * s) / 2, y + (h - b.getHeight() * s) / 2);
        at.scale(s, s);
        at.translate(-b.getMinX(), -b.getMinY());
        g.setColor(ink);
        g.fill(at.createTransformedShape(outline));
    }

    private static Font pickFont(SplittableRandom r) {
        return r.nextBoolean() ? bold(r) : PlatePainter.pick(PlateFonts.LEGEND_FONTS, r);
    }

    private static Font bold(SplittableRandom r) {
        return PlatePainter.pick(PlateFonts.SERIAL_FONTS, r);
    }

    private static String word(String[] words, SplittableRandom r) {
        return words[r.nextInt(words.length)];
    }

    private static Shape octagon(double cx, double cy, double rad) {
        return PlatePainter.closedPath(8, i -> {
            double a = Math.PI / 8 + i * Math.PI / 4;
            return new double[] {cx + rad * Math.cos(a), cy + rad * Math.sin(a)};
        });
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    static Color mixColour(Color a, Color b, double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t), (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private static Color shift(Color c, SplittableRandom r, int amount) {
        return new Color(PlatePainter.clamp(c.getRed() + r.nextInt(-amount, amount + 1)),
                PlatePainter.clamp(c.getGreen() + r.nextInt(-amount, amount + 1)), PlatePainter.clamp(c.getBlue() + r.nextInt(-amount, amount + 1)));
    }

    private static Color grey(int v) {
        int c = PlatePainter.clamp(v);
        return new Color(c, c, c);
    }

    private static int add(int c, int n) {
        return (PlatePainter.clamp(((c >> 16) & 255) + n) << 16) | (PlatePainter.clamp(((c >> 8) & 255) + n) << 8) | PlatePainter.clamp((c & 255) + n);
    }
}
