package org.lpr.flock;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.ImageRef;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

/**
 * A Flock LPR hot list alert, as the webhook delivers it ({@code LprHotlistAlert} of
 * {@code flock-safety-lpr-alerts-asyncapi.yml}).
 *
 * @param objectId Flock's id of the read
 * @param eventTime when the read occurred
 * @param deviceExternalId the capturing device's id
 * @param deviceName the device's name, when given
 * @param networkName the device's network, when given
 * @param location the camera's position, when given
 * @param plate the OCR'd plate characters, when given (Flock may send {@code ocr: null})
 * @param plateConfidence the OCR confidence, 0 to 1, when given
 * @param state the state Flock read, when given
 * @param stateConfidence the state confidence, when given
 * @param imageUrl the signed URL of the best vehicle image, when given
 * @param imageExpiration when that URL stops working, when given
 * @param detailsUrl the link to the alert in Flock, when given
 * @param sources the hot lists that held the matched entry
 */
public record FlockAlert(String objectId, Instant eventTime, String deviceExternalId, Optional<String> deviceName,
        Optional<String> networkName, Optional<GeoPoint> location, Optional<String> plate, Optional<Double> plateConfidence,
        Optional<String> state, Optional<Double> stateConfidence, Optional<URI> imageUrl, Optional<Instant> imageExpiration,
        Optional<URI> detailsUrl, List<Source> sources) {

    /**
     * A hot list that held the matched entry.
     *
     * @param name the list's name, e.g. {@code NCIC} or a custom list's name
     * @param reason why the vehicle is listed, e.g. {@code Stolen Vehicle}
     * @param caseNumber the entry's case number, when given
     * @param customHotlistAudience {@code organization} or {@code restricted} for custom lists; empty otherwise
     */
    public record Source(String name, String reason, Optional<String> caseNumber, Optional<String> customHotlistAudience) {
        /** Validates the components. */
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(caseNumber, "caseNumber");
            Objects.requireNonNull(customHotlistAudience, "customHotlistAudience");
        }

        /** The SDK list type: custom lists are {@code CUSTOM}; NCIC and other lists by their reason. */
        public ListType listType() {
            if (customHotlistAudience.isPresent()) {
                return ListType.CUSTOM;
            }
            String r = (reason + " " + name).toLowerCase(Locale.ROOT);
            if (r.contains("amber")) {
                return ListType.AMBER_ALERT;
            }
            if (r.contains("silver")) {
                return ListType.SILVER_ALERT;
            }
            if (r.contains("blue alert")) {
                return ListType.BLUE_ALERT;
            }
            if (r.contains("plate")) {
                return ListType.STOLEN_PLATE;
            }
            if (r.contains("stolen")) {
                return ListType.STOLEN_VEHICLE;
            }
            if (r.contains("missing") || r.contains("endangered")) {
                return ListType.MISSING_ENDANGERED;
            }
            if (r.contains("wanted") || r.contains("warrant")) {
                return ListType.WANTED_PERSON;
            }
            if (r.contains("protection order") || r.contains("violent") || r.contains("gang") || r.contains("terror")
                    || r.contains("officer safety") || r.contains("armed")) {
                return ListType.OFFICER_SAFETY;
            }
            return name.toLowerCase(Locale.ROOT).contains("ncic") ? ListType.CRIMINAL_INVESTIGATION : ListType.CUSTOM;
        }
    }

    /** Validates the components and copies the sources. */
    public FlockAlert {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(deviceExternalId, "deviceExternalId");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(plateConfidence, "plateConfidence");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateConfidence, "stateConfidence");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(imageExpiration, "imageExpiration");
        Objects.requireNonNull(detailsUrl, "detailsUrl");
        sources = List.copyOf(sources);
    }

    /**
     * The SDK alert for this Flock alert, for a camera network of agency {@code agencyOri}: one
     * {@link MatchKind#EXACT} hit per source list, the read's state marked unverified when Flock
     * read none. Empty when Flock sent no plate characters or no source list. Flock sends no plate
     * outline, so the read's polygon is the unit square; the camera is taken as
     * {@link CameraKind#FIXED}.
     */
    public Optional<Alert> toAlert(String agencyOri) {
        if (plate.isEmpty() || sources.isEmpty()) {
            return Optional.empty();
        }
        String text = Plate.normalize(plate.get());
        Jurisdiction j = state.flatMap(s -> Jurisdiction.tryParse(s.replace('_', ' '))).orElse(Jurisdiction.UNKNOWN);
        double confidence = clamp(plateConfidence.orElse(1.0));
        PlateRead read = new PlateRead(objectId, new Plate(text, j), confidence, j.isKnown() ? clamp(stateConfidence.orElse(1.0)) : 0,
                List.of(new Candidate(text, confidence)), Polygon.rectangle(0, 0, 1, 1), eventTime,
                new Camera(deviceExternalId, CameraKind.FIXED, agencyOri), location,
                imageUrl.map(u -> List.of(new ImageRef(ImageRef.Kind.VEHICLE, u))).orElse(List.of()));
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            ListType type = s.listType();
            String id = (s.name() + ":" + s.caseNumber().orElse(objectId + "#" + i));
            HotListEntry entry = new HotListEntry(id.length() > 64 ? id.substring(0, 64) : id, new PlatePattern(text), j, type,
                    type.defaultPriority(), s.reason(), s.caseNumber().orElse(""), Optional.empty(),
                    Map.of("FLOCK_LIST", s.name()));
            hits.add(new Hit(text, entry, MatchKind.EXACT, 1.0, j.isKnown()));
        }
        return Optional.of(new Alert(objectId, read, hits, eventTime));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
