package org.lpr.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.testing.MutableClock;
import org.lpr.policy.access.Role;
import org.lpr.policy.access.SecurityIncident;
import org.lpr.policy.access.TrainingRecord;
import org.lpr.policy.access.User;
import org.lpr.policy.audit.HashChainedAuditLog;
import org.lpr.policy.purpose.Purpose;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;

/** A policy over a real in-memory store and a real audit log file, with trained users of every role. */
final class PolicyFixture implements AutoCloseable {
    static final String HOME = "MO0920200";
    static final String PARTNER = "MO0480000";
    static final String STRANGER = "KS0460000";
    static final char[] PASSWORD = "correct horse battery".toCharArray();
    /** Monday 2 March 2026, 09:00 Central: within working hours. */
    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    static final GeoPoint ODESSA = new GeoPoint(38.9992, -93.9530);
    static final Camera HOME_CAMERA = new Camera("fixed-1", CameraKind.FIXED, HOME);
    static final Camera PARTNER_CAMERA = new Camera("lex-3", CameraKind.FIXED, PARTNER);

    final MutableClock clock = new MutableClock(START);
    final MemoryReadStore store = new MemoryReadStore();
    final HashChainedAuditLog log;
    final List<SecurityIncident> incidents = new ArrayList<>();
    final List<AuditEvent> forwarded = new ArrayList<>();
    final LprPolicy policy;
    final Session admin;
    final Session officer;
    final Session investigator;
    final Session supervisor;
    final Session supervisor2;
    final Session auditor;
    final PlateRead homeRead;
    final PlateRead partnerRead;

    PolicyFixture(Path dir, Consumer<LprPolicy.Builder> customize) {
        log = HashChainedAuditLog.open(dir.resolve("audit.jsonl"), clock, HashChainedAuditLog.MINIMUM_RETENTION);
        LprPolicy.Builder b = LprPolicy.builder()
                .agency("Odessa Police Department", HOME, Jurisdiction.MO)
                .readStore(store)
                .auditLog(log)
                .auditSink(forwarded::add)
                .incidentSink(incidents::add)
                .clock(clock)
                .passwordIterations(1_000)
                .administrator(user("admin.lee", HOME, Role.ADMINISTRATOR), PASSWORD);
        customize.accept(b);
        policy = b.build();
        admin = policy.login("admin.lee", PASSWORD);
        officer = addTrained("ofc.diaz", HOME, Role.OFFICER);
        investigator = addTrained("det.jones", HOME, Role.INVESTIGATOR);
        supervisor = addTrained("sgt.park", HOME, Role.SUPERVISOR);
        supervisor2 = addTrained("lt.reyes", HOME, Role.SUPERVISOR);
        auditor = addTrained("aud.kim", HOME, Role.AUDITOR);
        homeRead = read("ABC1234", HOME_CAMERA, START.minus(Duration.ofDays(1)));
        partnerRead = read("XYZ9876", PARTNER_CAMERA, START.minus(Duration.ofDays(1)));
        store.saveAll(List.of(homeRead, partnerRead));
    }

    PolicyFixture(Path dir) {
        this(dir, b -> { });
    }

    static User user(String id, String ori, Role role) {
        return new User(id, id.toUpperCase(), ori, Set.of(role), List.of(TrainingRecord.fullCourse("LPR-101", START.minus(Duration.ofDays(10)),
                START.plus(Duration.ofDays(365)))), true);
    }

    Session addTrained(String id, String ori, Role role) {
        policy.addUser(admin, user(id, ori, role), PASSWORD);
        return policy.login(id, PASSWORD);
    }

    /** Signs {@code id} in again (after the clock moved past the idle timeout). */
    Session login(String id) {
        return policy.login(id, PASSWORD);
    }

    static PlateRead read(String text, Camera camera, Instant at) {
        return new PlateRead(PlateRead.newId(), Plate.of(text, Jurisdiction.MO), 0.95, 0.9, List.of(new Candidate(text, 0.95)),
                Polygon.rectangle(10, 10, 100, 30), at, camera, Optional.of(ODESSA), List.of());
    }

    static PurposeStatement stolen() {
        return PurposeStatement.of(Purpose.STOLEN_VEHICLE, Reference.caseReport("26-000123"), "stolen silver Silverado from the Casey's lot");
    }

    static ReadQuery plateQuery(String plate) {
        return ReadQuery.forPlate(plate, START.minus(Duration.ofDays(3)), START);
    }

    static SearchRequest search(String plate, PurposeStatement p) {
        return SearchRequest.of(plateQuery(plate), p);
    }

    List<AuditEvent> events() {
        return log.read(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")).stream().map(r -> r.event()).toList();
    }

    AuditEvent lastEvent() {
        List<AuditEvent> e = events();
        return e.get(e.size() - 1);
    }

    List<AuditEvent> events(String action) {
        return events().stream().filter(e -> e.action().equals(action)).toList();
    }

    @Override
    public void close() {
        policy.close();
        log.close();
    }
}
