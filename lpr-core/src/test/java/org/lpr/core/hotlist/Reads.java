package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

/** Builds reads for tests. */
final class Reads {
    private static final Camera CAMERA = new Camera("test-cam", CameraKind.FIXED, "MO0920200");

    private Reads() {
    }

    /** A read of {@code state} whose best reading is {@code texts[0]} and alternatives the rest (confidence 0.9, 0.6, 0.5, ...). */
    static PlateRead read(Jurisdiction state, String... texts) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            candidates.add(new Candidate(texts[i], i == 0 ? 0.9 : Math.max(0.1, 0.7 - 0.1 * i)));
        }
        return new PlateRead(PlateRead.newId(), new Plate(texts[0], state), 0.9, state.isKnown() ? 0.9 : 0,
                candidates, Polygon.rectangle(0, 0, 100, 40), Instant.EPOCH, CAMERA, Optional.empty(), List.of());
    }
}
