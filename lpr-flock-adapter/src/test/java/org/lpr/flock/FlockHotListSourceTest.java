package org.lpr.flock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.HotListSource;
import org.lpr.core.spi.HotListSourceContract;

class FlockHotListSourceTest {
    private final FlockServer flock;

    FlockHotListSourceTest() {
        try {
            flock = new FlockServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        flock.close();
    }

    private String sampleList() {
        var withNote = flock.entry("ABC123", "new_york", "Stolen in burglary", "24-1");
        withNote.put("expiry", "2026-12-31T00:00:00Z");
        withNote.putObject("note").put("message", "Contact Det. Smith");
        return flock.addList("Burglary series", List.of(withNote,
                flock.entry("XYZ9", "washington_dc", "Suspect vehicle", "24-2"),
                flock.entry("NOSTATE1", null, "Witness", "24-3"),
                flock.entry("BAD#PLATE", "texas", "typo", "24-4")));
    }

    @Test
    void fetch_pullsTheFlockListIntoSdkCustomEntries_skippingUnreadableOnes() {
        String id = sampleList();
        FlockHotListSource source = FlockHotListSource.of(flock.client().build(), id);

        HotList list = source.fetch();

        assertThat(list.name()).isEqualTo("Burglary series");
        assertThat(list.source()).isEqualTo("flock:/hotlists/" + id);
        assertThat(list.entries()).hasSize(3).allSatisfy(e -> assertThat(e.listType()).isEqualTo(ListType.CUSTOM));
        HotListEntry first = list.entries().get(0);
        assertThat(first.plate().text()).isEqualTo("ABC123");
        assertThat(first.jurisdiction()).isEqualTo(Jurisdiction.NY);
        assertThat(first.reason()).isEqualTo("Stolen in burglary");
        assertThat(first.reference()).isEqualTo("24-1");
        assertThat(first.expiresAt()).contains(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(first.attributes()).containsEntry("NOTE", "Contact Det. Smith");
        assertThat(list.entries().get(1).jurisdiction()).isEqualTo(Jurisdiction.DC);
        assertThat(list.entries().get(2).jurisdiction()).isEqualTo(Jurisdiction.UNKNOWN);
        assertThat(source.lastSkipped()).singleElement().asString().contains("BAD#PLATE");
    }

    @Test
    void fetch_ofAListFlockDoesNotHave_fails() {
        FlockHotListSource source = FlockHotListSource.of(flock.client().build(), "00000000-0000-0000-0000-000000000000");

        assertThatThrownBy(source::fetch).isInstanceOf(LprException.class).hasMessageContaining("no custom hot list");
    }

    @Test
    void pushThenPull_roundTripsPlatesStatesReasonsAndReferences() {
        FlockClient client = flock.client().build();
        List<HotListEntry> mine = List.of(
                HotListEntry.of("a", "KLM456", Jurisdiction.IL, ListType.CUSTOM, "Armed robbery suspect", "24-77"),
                HotListEntry.of("b", "PRQ789", Jurisdiction.PR, ListType.CUSTOM, "Missing adult's car", "24-78"));
        FlockHotList created = client.createHotList("Round trip", mine);

        HotList pulled = FlockHotListSource.of(client, created.id()).fetch();

        assertThat(pulled.entries()).extracting(e -> e.plate().text() + "/" + e.jurisdiction().code() + "/" + e.reason() + "/" + e.reference())
                .containsExactly("KLM456/IL/Armed robbery suspect/24-77", "PRQ789/PR/Missing adult's car/24-78");
    }

    /** The core contract kit, against a list served by the loopback Flock server. */
    @Nested
    class Contract extends HotListSourceContract {
        private final String id = sampleList();

        @Override
        protected HotListSource createSource() {
            return FlockHotListSource.of(flock.client().build(), id);
        }

        @Override
        protected int expectedEntryCount() {
            return 3;
        }
    }
}
