package org.lpr.store;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lpr.core.StoreException;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.ImageRef;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Point;
import org.lpr.core.read.Polygon;

/**
 * How a read maps onto a row: one column per searchable field, and candidates, polygon and images as
 * compact text. Capture instants are stored as nanoseconds since the epoch (years 1678 to 2262).
 */
final class ReadColumns {
    /** The columns, in insert and select order. */
    static final String NAMES = "rid, id, plate, jurisdiction, confidence, jurisdiction_confidence, captured_at, "
            + "camera_id, camera_kind, agency_ori, latitude, longitude, candidates, polygon, images";
    static final int COUNT = 15;

    private ReadColumns() {
    }

    /** The columns' definitions with the dialect's type names. */
    static String definitions(Dialect d, boolean primaryKey, boolean uniqueId) {
        return "rid " + d.intType() + (primaryKey ? " PRIMARY KEY" : " NOT NULL")
                + ", id " + d.textType() + " NOT NULL" + (uniqueId ? " UNIQUE" : "")
                + ", plate " + d.textType() + " NOT NULL"
                + ", jurisdiction " + d.textType() + " NOT NULL"
                + ", confidence " + d.doubleType() + " NOT NULL"
                + ", jurisdiction_confidence " + d.doubleType() + " NOT NULL"
                + ", captured_at " + d.bigintType() + " NOT NULL"
                + ", camera_id " + d.textType() + " NOT NULL"
                + ", camera_kind " + d.textType() + " NOT NULL"
                + ", agency_ori " + d.textType() + " NOT NULL"
                + ", latitude " + d.doubleType()
                + ", longitude " + d.doubleType()
                + ", candidates " + d.textType() + " NOT NULL"
                + ", polygon " + d.textType() + " NOT NULL"
                + ", images " + d.textType() + " NOT NULL";
    }

    /** Nanoseconds since the epoch of {@code read}'s capture; a clear error outside what a {@code long} holds. */
    static long capturedNanos(PlateRead read) {
        Instant at = read.capturedAt();
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException e) {
            throw new StoreException("read '" + read.id() + "' was captured at " + at
                    + ", outside the storable range 1678-09-22 .. 2262-04-11");
        }
    }

    /** {@code at} in nanoseconds since the epoch, clamped to what a {@code long} holds (for query bounds). */
    static long clampedNanos(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException e) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Binds {@code read} as read number {@code rid} to parameters {@code at+1 .. at+COUNT}. */
    static void bind(PreparedStatement ps, int at, int rid, PlateRead read, long nanos) throws SQLException {
        ps.setInt(at + 1, rid);
        ps.setString(at + 2, read.id());
        ps.setString(at + 3, read.plate().text());
        ps.setString(at + 4, read.plate().jurisdiction().name());
        ps.setDouble(at + 5, read.confidence());
        ps.setDouble(at + 6, read.jurisdictionConfidence());
        ps.setLong(at + 7, nanos);
        ps.setString(at + 8, read.camera().id());
        ps.setString(at + 9, read.camera().kind().name());
        ps.setString(at + 10, read.camera().agencyOri());
        if (read.location().isPresent()) {
            ps.setDouble(at + 11, read.location().get().latitude());
            ps.setDouble(at + 12, read.location().get().longitude());
        } else {
            ps.setNull(at + 11, Types.DOUBLE);
            ps.setNull(at + 12, Types.DOUBLE);
        }
        ps.setString(at + 13, candidates(read.candidates()));
        ps.setString(at + 14, polygon(read.polygon()));
        ps.setString(at + 15, images(read.images()));
    }

    /** The read in the current row of {@code rs} (selected with {@link #NAMES}). */
    static PlateRead read(ResultSet rs) throws SQLException {
        String id = rs.getString(2);
        try {
            Plate plate = new Plate(rs.getString(3), Jurisdiction.valueOf(rs.getString(4)));
            double lat = rs.getDouble(11);
            boolean noLat = rs.wasNull();
            double lon = rs.getDouble(12);
            Optional<GeoPoint> location = noLat || rs.wasNull() ? Optional.empty() : Optional.of(new GeoPoint(lat, lon));
            Camera camera = new Camera(rs.getString(8), CameraKind.valueOf(rs.getString(9)), rs.getString(10));
            return new PlateRead(id, plate, rs.getDouble(5), rs.getDouble(6), candidates(rs.getString(13)),
                    polygon(rs.getString(14)), instant(rs.getLong(7)), camera, location, images(rs.getString(15)));
        } catch (RuntimeException e) {
            throw new StoreException("stored read '" + id + "' cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static String candidates(List<Candidate> candidates) {
        StringBuilder b = new StringBuilder();
        for (Candidate c : candidates) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(c.text()).append(' ').append(c.confidence());
        }
        return b.toString();
    }

    private static List<Candidate> candidates(String text) {
        List<Candidate> out = new ArrayList<>();
        for (String part : text.split(";")) {
            int sp = part.indexOf(' ');
            out.add(new Candidate(part.substring(0, sp), Double.parseDouble(part.substring(sp + 1))));
        }
        return out;
    }

    private static String polygon(Polygon polygon) {
        StringBuilder b = new StringBuilder();
        for (Point p : polygon.points()) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(p.x()).append(' ').append(p.y());
        }
        return b.toString();
    }

    private static Polygon polygon(String text) {
        List<Point> points = new ArrayList<>();
        for (String part : text.split(";")) {
            int sp = part.indexOf(' ');
            points.add(new Point(Double.parseDouble(part.substring(0, sp)), Double.parseDouble(part.substring(sp + 1))));
        }
        return new Polygon(points);
    }

    // a URI holds no raw whitespace, so a newline separates images and a space kind from URI
    private static String images(List<ImageRef> images) {
        StringBuilder b = new StringBuilder();
        for (ImageRef i : images) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(i.kind().name()).append(' ').append(i.uri());
        }
        return b.toString();
    }

    private static List<ImageRef> images(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<ImageRef> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            out.add(new ImageRef(ImageRef.Kind.valueOf(line.substring(0, sp)), URI.create(line.substring(sp + 1))));
        }
        return out;
    }
}
