package org.lpr.ncic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;

class HotListRefresherTest {
    /** What the loopback extract server answers next: a status and a body. */
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> body = new AtomicReference<>("");
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private URI url;

    private final AtomicReference<HotList> matcherList = new AtomicReference<>();
    private final List<RefreshFailure> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ncic/extract.csv", ex -> {
            requests.incrementAndGet();
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Last-Modified", "Tue, 02 Jan 2024 10:00:00 GMT");
            ex.sendResponseHeaders(status.get(), b.length == 0 ? -1 : b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ncic/extract.csv?token=s3cret");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private NcicFileSource source() {
        return NcicFileSource.builder().name("NCIC extract").url(url).layout(NcicLayouts.csvHeader()).build();
    }

    private HotListRefresher refresher(NcicFileSource source) {
        return HotListRefresher.builder().source(source).target(matcherList::set).listener(failures::add).build();
    }

    @Test
    void urlSource_downloadsAndParses_withLastModifiedAsTheListInstant() {
        body.set("LIC,LIS,NIC,MKE\nABC123,MO,N1,EV\nBAD#1,MO,N2,EV\nDEF456,KS,N3,EL\n");
        NcicFileSource source = source();

        HotList list = source.fetch();

        assertThat(list.name()).isEqualTo("NCIC extract");
        assertThat(list.asOf()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(list.entries()).extracting(HotListEntry::id).containsExactly("N1", "N3");
        assertThat(list.source()).doesNotContain("s3cret");
        assertThat(source.lastReport()).get().extracting(ImportReport::rejected).isEqualTo(1L);
    }

    @Test
    void refresh_swapsTheNewListIn_andAFailedDownloadOrParseKeepsTheLastGoodListAndRaisesAnAlert() {
        HotListRefresher refresher = refresher(source());
        body.set("LIC,NIC\nAAA111,N1\n");
        assertThat(refresher.refreshNow()).isTrue();
        HotList good = matcherList.get();
        assertThat(good.entries()).hasSize(1);

        status.set(503);
        assertThat(refresher.refreshNow()).isFalse();
        status.set(200);
        body.set("PLATE,NIC\nAAA111,N1\n");        // the layout changed: no LIC column
        assertThat(refresher.refreshNow()).isFalse();
        body.set("LIC,NIC\n#1,N1\n#2,N2\nOK1,N3\n"); // mostly garbage: 2 of 3 lines rejected
        assertThat(refresher.refreshNow()).isFalse();

        assertThat(matcherList.get()).isSameAs(good);
        assertThat(refresher.current()).containsSame(good);
        assertThat(failures).extracting(RefreshFailure::consecutiveFailures).containsExactly(1, 2, 3);
        assertThat(failures.get(0).reason()).contains("HTTP 503").contains("/ncic/extract.csv").doesNotContain("s3cret");
        assertThat(failures.get(1).reason()).contains("no column is LIC");
        assertThat(failures.get(2).reason()).contains("rejected 2 of 3 lines").contains("line 2");
        assertThat(failures).allSatisfy(f -> assertThat(f.lastGoodAsOf()).contains(good.asOf()));

        body.set("LIC,NIC\nBBB222,N7\nCCC333,N8\n");
        assertThat(refresher.refreshNow()).isTrue();
        assertThat(matcherList.get().entries()).extracting(HotListEntry::id).containsExactly("N7", "N8");
    }

    @Test
    void failureBeforeAnyGoodList_saysNoneWasLoaded() {
        status.set(500);
        refresher(source()).refreshNow();

        assertThat(failures).singleElement().satisfies(f -> assertThat(f.lastGoodAsOf()).isEmpty());
        assertThat(matcherList.get()).isNull();
    }

    @Test
    void targetThatThrows_failsTheRefresh_andTheOldListStays() {
        body.set("LIC\nAAA111\n");
        AtomicInteger swaps = new AtomicInteger();
        HotListRefresher refresher = HotListRefresher.builder().source(source()).listener(failures::add).target(l -> {
            if (swaps.incrementAndGet() == 2) {
                throw new IllegalStateException("matcher rejected the list");
            }
        }).build();

        assertThat(refresher.refreshNow()).isTrue();
        HotList first = refresher.current().orElseThrow();
        assertThat(refresher.refreshNow()).isFalse();

        assertThat(refresher.current()).containsSame(first);
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("matcher rejected the list"));
    }

    @Test
    void scheduledRefresh_picksUpNewVersionsUntilClosed() throws InterruptedException {
        LinkedBlockingQueue<HotList> swapped = new LinkedBlockingQueue<>();
        body.set("LIC,NIC\nAAA111,N1\n");
        try (HotListRefresher refresher = HotListRefresher.builder().source(source()).target(swapped::add)
                .listener(failures::add).interval(Duration.ofMillis(20)).build().start()) {
            assertThat(swapped.poll(30, TimeUnit.SECONDS).entries()).extracting(HotListEntry::id).containsExactly("N1");
            body.set("LIC,NIC\nBBB222,N2\n");
            HotList next;
            do {
                next = swapped.poll(30, TimeUnit.SECONDS);
            } while (next != null && next.entries().get(0).id().equals("N1"));
            assertThat(next).isNotNull();
            assertThat(next.entries()).extracting(HotListEntry::id).containsExactly("N2");
        }
        int after = requests.get();
        Thread.sleep(100);
        assertThat(requests.get()).isLessThanOrEqualTo(after + 1);
    }

    @Test
    void fileSource_readsAFile_andAMissingFileFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extract.csv");
        Files.writeString(file, "LIC,LIS,MKE\nABC123,MO,EW\n");
        NcicFileSource source = NcicFileSource.builder().name("file list").file(file).layout(NcicLayouts.csvHeader()).build();

        assertThat(source.fetch().entries()).singleElement().satisfies(e -> assertThat(e.plate().text()).isEqualTo("ABC123"));

        Files.delete(file);
        assertThatThrownBy(source::fetch).isInstanceOf(LprException.class).hasMessageContaining("extract.csv");
    }

    @Test
    void allLinesRejected_failsWithTheFirstReasons(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extract.csv");
        Files.writeString(file, "LIC,LIS\n#1,MO\n");
        NcicFileSource source = NcicFileSource.builder().name("file list").file(file).layout(NcicLayouts.csvHeader()).build();

        assertThatThrownBy(source::fetch).isInstanceOf(HotListFormatException.class)
                .hasMessageContaining("no valid entry").hasMessageContaining("line 2");
    }

    @Test
    void builders_reportEveryProblemAtOnce() {
        assertThatThrownBy(() -> NcicFileSource.builder().url(URI.create("ftp://x/y")).maxRejectedFraction(2).build())
                .hasMessageContaining("name is missing").hasMessageContaining("not http or https")
                .hasMessageContaining("layout is missing").hasMessageContaining("maxRejectedFraction 2.0");
        assertThatThrownBy(() -> HotListRefresher.builder().interval(Duration.ZERO).build())
                .hasMessageContaining("source is missing").hasMessageContaining("target is missing")
                .hasMessageContaining("listener is missing").hasMessageContaining("interval");
    }

    @Test
    void refresh_intoTheHotListEngine_swapsMatchesAndKeepsTheLastGoodListOnFailure() {
        org.lpr.core.hotlist.HotLists hotLists = org.lpr.core.hotlist.HotLists.builder().build();
        HotListRefresher refresher = HotListRefresher.builder().source(source()).target(hotLists::refresh)
                .listener(failures::add).build();
        org.lpr.core.read.Plate abc = org.lpr.core.read.Plate.of("ABC123", org.lpr.core.read.Jurisdiction.MO);
        org.lpr.core.read.Plate xyz = org.lpr.core.read.Plate.of("XYZ789", org.lpr.core.read.Jurisdiction.KS);

        body.set("LIC,LIS,NIC,MKE\nABC123,MO,N1,EV\n");
        assertThat(refresher.refreshNow()).isTrue();
        assertThat(hotLists.match(abc)).extracting(h -> h.entry().id()).containsExactly("N1");
        assertThat(hotLists.match(xyz)).isEmpty();

        body.set("LIC,LIS,NIC,MKE\nXYZ789,KS,N9,EV\n");
        assertThat(refresher.refreshNow()).isTrue();
        assertThat(hotLists.match(abc)).isEmpty();
        assertThat(hotLists.match(xyz)).extracting(h -> h.entry().id()).containsExactly("N9");

        status.set(500);
        assertThat(refresher.refreshNow()).isFalse();
        assertThat(failures).hasSize(1);
        assertThat(hotLists.match(xyz)).extracting(h -> h.entry().id()).containsExactly("N9");
        assertThat(hotLists.size()).isEqualTo(1);
    }
}
