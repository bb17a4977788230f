package org.lpr.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.ImageRef;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

/** Reads made up for the store's tests. */
final class StoreFixtures {
    static final Instant DAY0 = Instant.parse("2026-05-01T00:00:00Z");
    static final Camera FIXED = new Camera("fixed-1", CameraKind.FIXED, "MO0920200");
    static final Camera MOBILE = new Camera("car-17", CameraKind.MOBILE, "MO0920200");
    static final Camera PORTABLE = new Camera("trailer-3", CameraKind.PORTABLE, "MO0920200");
    static final List<Camera> CAMERAS = List.of(FIXED, MOBILE, PORTABLE);
    static final GeoPoint ODESSA = new GeoPoint(38.9992, -93.9530);
    static final String PLATE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private StoreFixtures() {
    }

    static PlateRead read(String text, Camera camera, Instant at, Optional<GeoPoint> where) {
        return new PlateRead(PlateRead.newId(), Plate.of(text, Jurisdiction.MO), 0.93, 0.7, List.of(new Candidate(text, 0.93)),
                Polygon.rectangle(10, 20, 140, 45), at, camera, where, List.of());
    }

    static PlateRead read(String text, Instant at) {
        return read(text, FIXED, at, Optional.of(ODESSA));
    }

    /** A read with every field filled in an unusual way, to check the round trip. */
    static PlateRead oddRead(Instant at) {
        return new PlateRead(PlateRead.newId(), Plate.of("Q0O8B", Jurisdiction.UNKNOWN), 0.1 + 0.2, 0.0,
                List.of(new Candidate("Q0O8B", 0.30000000000000004), new Candidate("00088", 1e-9), new Candidate("QOO8B", 0.0)),
                new org.lpr.core.read.Polygon(List.of(new org.lpr.core.read.Point(-1.5, 2.25), new org.lpr.core.read.Point(1e6, 0),
                        new org.lpr.core.read.Point(3, 1.0 / 3))),
                at.plusNanos(123_456_789), PORTABLE, Optional.empty(),
                List.of(new ImageRef(ImageRef.Kind.PLATE_CROP, URI.create("s3://evidence/2026/05/01/crop%20one.png?v=1&x=a;b")),
                        new ImageRef(ImageRef.Kind.OVERVIEW, URI.create("file:///var/lpr/frames/1.jpg"))));
    }

    /** A random plate of 5 to 8 characters from {@code chars}. */
    static String plate(Random random, String chars) {
        int n = 5 + random.nextInt(4);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }
}
