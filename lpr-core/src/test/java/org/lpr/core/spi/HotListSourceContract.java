package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;

/**
 * The contract every {@link HotListSource} keeps. Implementations extend this class and supply a
 * source whose list holds {@link #expectedEntryCount()} valid entries.
 */
public abstract class HotListSourceContract {
    /** A source under test, backed by real data (a file, a loopback server). */
    protected abstract HotListSource createSource();

    /** How many valid entries the source's list holds. */
    protected abstract int expectedEntryCount();

    @Test
    void name_isNotBlank() {
        assertThat(createSource().name()).isNotBlank();
    }

    @Test
    void fetch_returnsEveryValidEntryWithReason() {
        HotList list = createSource().fetch();
        assertThat(list.name()).isNotBlank();
        assertThat(list.asOf()).isBefore(Instant.now().plusSeconds(60));
        assertThat(list.entries()).hasSize(expectedEntryCount());
        assertThat(list.entries()).extracting(HotListEntry::id).doesNotHaveDuplicates();
        assertThat(list.entries()).allSatisfy(e -> assertThat(e.plate().text()).isNotEmpty());
    }

    @Test
    void fetch_twice_givesTheSameEntries() {
        HotListSource source = createSource();
        assertThat(source.fetch().entries()).containsExactlyInAnyOrderElementsOf(source.fetch().entries());
    }
}
