package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

class ReadGrouperTest {
    private static final Camera CAMERA = new Camera("cam-1", CameraKind.FIXED, "MO0920200");
    private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    private final List<GroupedRead> emitted = new ArrayList<>();
    private final List<Instant> emittedAt = new ArrayList<>();
    private Instant now = T0;

    private ReadGrouper grouper(Duration delay) {
        return ReadGrouper.builder().emitDelay(delay).sink(g -> {
            emitted.add(g);
            emittedAt.add(now);
        }).build();
    }

    private static PlateRead read(String text, double conf, double x, double y, Instant at) {
        return new PlateRead(PlateRead.newId(), Plate.of(text), conf, 0, List.of(new Candidate(text, conf)),
                Polygon.rectangle(x, y, 100, 50), at, CAMERA, Optional.empty(), List.of());
    }

    private void frame(ReadGrouper g, int ms, PlateRead... reads) {
        now = T0.plusMillis(ms);
        g.accept(now, List.of(reads));
    }

    @Test
    void accept_oneVehicleAcrossFrames_givesOneFusedGroupedRead() {
        ReadGrouper g = grouper(Duration.ofMillis(500));
        // ABC1234 moving right, misread once as A8C1234
        frame(g, 0, read("ABC1234", 0.9, 0, 200, T0));
        frame(g, 100, read("A8C1234", 0.6, 40, 200, T0.plusMillis(100)));
        frame(g, 200, read("ABC1234", 0.8, 80, 200, T0.plusMillis(200)));
        frame(g, 300, read("ABC1234", 0.85, 120, 200, T0.plusMillis(300)));
        frame(g, 400);
        assertThat(emitted).isEmpty();
        frame(g, 700);
        assertThat(emitted).isEmpty();
        frame(g, 800);
        assertThat(emitted).hasSize(1);
        GroupedRead gr = emitted.get(0);
        assertThat(gr.read().plate().text()).isEqualTo("ABC1234");
        assertThat(gr.frameCount()).isEqualTo(4);
        assertThat(gr.firstSeen()).isEqualTo(T0);
        assertThat(gr.lastSeen()).isEqualTo(T0.plusMillis(300));
        assertThat(gr.direction()).isEqualTo(TravelDirection.RIGHT);
        assertThat(gr.dx()).isEqualTo(120);
        assertThat(gr.read().confidence()).isCloseTo((0.9 + 0.8 + 0.85) / 4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(gr.read().candidates()).extracting(Candidate::text).containsExactly("ABC1234", "A8C1234");
        assertThat(Duration.between(gr.lastSeen(), emittedAt.get(0))).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void accept_twoVehiclesInTheSameFrames_areKeptApart() {
        ReadGrouper g = grouper(Duration.ofMillis(300));
        for (int i = 0; i < 5; i++) {
            frame(g, i * 100, read("ABC1234", 0.9, 50 + 30 * i, 100, T0.plusMillis(i * 100)),
                    read("XYZ987", 0.9, 500, 400 - 40 * i, T0.plusMillis(i * 100)));
        }
        g.flush();
        assertThat(emitted).hasSize(2);
        assertThat(emitted).anySatisfy(e -> {
            assertThat(e.read().plate().text()).isEqualTo("ABC1234");
            assertThat(e.direction()).isEqualTo(TravelDirection.RIGHT);
        });
        assertThat(emitted).anySatisfy(e -> {
            assertThat(e.read().plate().text()).isEqualTo("XYZ987");
            assertThat(e.direction()).isEqualTo(TravelDirection.UP);
            assertThat(e.frameCount()).isEqualTo(5);
        });
    }

    @Test
    void accept_samePlateFarAway_startsAnotherGroup() {
        ReadGrouper g = grouper(Duration.ofSeconds(1));
        frame(g, 0, read("ABC1234", 0.9, 0, 0, T0));
        frame(g, 100, read("ABC1234", 0.9, 1000, 600, T0.plusMillis(100)));
        assertThat(g.openGroups()).isEqualTo(2);
        g.flush();
        assertThat(emitted).hasSize(2).allSatisfy(e -> assertThat(e.direction()).isEqualTo(TravelDirection.STATIONARY));
    }

    @Test
    void accept_vehicleReturnsAfterTheDelay_givesTwoGroups() {
        ReadGrouper g = grouper(Duration.ofMillis(200));
        frame(g, 0, read("ABC1234", 0.9, 0, 0, T0));
        frame(g, 500, read("ABC1234", 0.9, 0, 0, T0.plusMillis(500)));
        assertThat(emitted).hasSize(1);
        g.flush();
        assertThat(emitted).hasSize(2);
    }

    @Test
    void accept_framesOutOfOrder_areRejected() {
        ReadGrouper g = grouper(Duration.ofMillis(200));
        frame(g, 100);
        assertThatThrownBy(() -> frame(g, 50)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capture order");
    }

    @Test
    void build_invalidSettings_reportsEveryProblem() {
        assertThatThrownBy(() -> ReadGrouper.builder().emitDelay(Duration.ZERO).maxEdits(-1).maxJump(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emitDelay").hasMessageContaining("maxEdits").hasMessageContaining("maxJump").hasMessageContaining("sink");
    }
}
