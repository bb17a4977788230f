package org.lpr.policy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.audit.AuditEvent;

/** The verifier catches every altered, removed, inserted or reordered record of a stored log file. */
class HashChainedAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");

    @TempDir
    Path dir;
    private Path file;
    private ChainHead head;

    private static AuditEvent event(int n) {
        return new AuditEvent(T0.plusSeconds(60L * n), "det.jones", "MO0920200", "HISTORICAL_SEARCH", "STOLEN_VEHICLE",
                "CASE_REPORT:26-00" + n, "plate=ABC12" + n, n, AuditEvent.Outcome.ALLOWED, "");
    }

    @BeforeEach
    void writeTenRecords() {
        file = dir.resolve("audit.jsonl");
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            for (int i = 1; i <= 10; i++) {
                log.record(event(i));
            }
            head = log.head();
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void verify_untouchedLog_isIntact() {
        ChainVerification v = HashChainedAuditLog.verify(file, Optional.of(head));
        assertThat(v.intact()).isTrue();
        assertThat(v.records()).isEqualTo(10);
        assertThat(v.head()).isEqualTo(head);
    }

    @Test
    void verify_alteredResultCount_isCaught() throws IOException {
        List<String> l = lines();
        l.set(4, l.get(4).replace("\"resultCount\":5", "\"resultCount\":0"));
        write(l);
        ChainVerification v = HashChainedAuditLog.verify(file, Optional.empty());
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("line 5: record 5 was altered"));
    }

    @Test
    void verify_alteredUser_isCaught() throws IOException {
        List<String> l = lines();
        l.set(2, l.get(2).replace("det.jones", "det.smith"));
        write(l);
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).problems()).anyMatch(p -> p.contains("record 3 was altered"));
    }

    @Test
    void verify_alteredRecordWithRecomputedHash_breaksTheNextLink() throws IOException {
        // a forger who rewrites a record and its own hash still breaks the following record's previous-hash
        List<String> l = lines();
        AuditEvent forged = new AuditEvent(event(4).at(), "det.jones", "MO0920200", "HISTORICAL_SEARCH", "STOLEN_VEHICLE",
                "CASE_REPORT:26-004", "plate=OTHER1", 4, AuditEvent.Outcome.ALLOWED, "");
        String prev = l.get(2).replaceAll(".*\"hash\":\"([0-9a-f]+)\".*", "$1");
        String hash = HashChainedAuditLog.hash(4, forged, prev);
        l.set(3, l.get(3).replace("plate=ABC124", "plate=OTHER1").replaceAll("\"hash\":\"[0-9a-f]+\"", "\"hash\":\"" + hash + "\""));
        write(l);
        ChainVerification v = HashChainedAuditLog.verify(file, Optional.empty());
        assertThat(v.problems()).noneMatch(p -> p.contains("record 4 was altered"));
        assertThat(v.problems()).anyMatch(p -> p.startsWith("line 5: record 5 does not follow"));
    }

    @Test
    void verify_droppedRecord_isCaught() throws IOException {
        List<String> l = lines();
        l.remove(6);
        write(l);
        ChainVerification v = HashChainedAuditLog.verify(file, Optional.empty());
        assertThat(v.problems()).anyMatch(p -> p.contains("record 8 where record 7 was expected"));
        assertThat(v.problems()).anyMatch(p -> p.contains("record 8 does not follow"));
    }

    @Test
    void verify_reorderedRecords_isCaught() throws IOException {
        List<String> l = lines();
        Collections.swap(l, 3, 4);
        write(l);
        ChainVerification v = HashChainedAuditLog.verify(file, Optional.empty());
        assertThat(v.problems()).anyMatch(p -> p.contains("record 5 where record 4 was expected"));
    }

    @Test
    void verify_duplicatedRecord_isCaught() throws IOException {
        List<String> l = lines();
        l.add(5, l.get(4));
        write(l);
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).problems()).anyMatch(p -> p.contains("record 5 where record 6 was expected"));
    }

    @Test
    void verify_droppedTail_isCaughtWithTheKnownHead() throws IOException {
        List<String> l = lines();
        write(l.subList(0, 8));
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).intact()).isTrue();
        assertThat(HashChainedAuditLog.verify(file, Optional.of(head)).problems())
                .anyMatch(p -> p.contains("the log ends at record 8 but the known head is record 10"));
    }

    @Test
    void verify_droppedHead_isCaught() throws IOException {
        List<String> l = lines();
        write(l.subList(2, 10));
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).problems()).anyMatch(p -> p.contains("record 3 where record 1 was expected"));
    }

    @Test
    void verify_garbageLine_isCaught() throws IOException {
        List<String> l = lines();
        l.add(3, "{not json");
        write(l);
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).problems()).anyMatch(p -> p.startsWith("line 4: not a valid audit record"));
    }

    @Test
    void reopen_continuesTheChain() {
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            log.record(event(11));
            assertThat(log.head().seq()).isEqualTo(11);
            assertThat(log.verify().intact()).isTrue();
        }
    }

    @Test
    void open_retentionUnderAYear_isRefused() {
        assertThatThrownBy(() -> HashChainedAuditLog.open(dir.resolve("x.jsonl"), Clock.systemUTC(), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the minimum 365 days");
    }

    @Test
    void pruneBefore_keepsTheChainVerifiableAndIsVouched() throws IOException {
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(400)), ZoneOffset.UTC);
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file, later, Duration.ofDays(365))) {
            assertThatThrownBy(() -> log.pruneBefore(T0.plus(Duration.ofDays(100)), "system", "MO0920200"))
                    .hasMessageContaining("younger than the 365-day audit retention");
            long removed = log.pruneBefore(T0.plusSeconds(60L * 4 + 1), "system", "MO0920200");
            assertThat(removed).isEqualTo(4);
            ChainVerification v = log.verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.records()).isEqualTo(7);
        }
        // removing the vouching prune record makes the anchor unvouched
        List<String> l = lines();
        l.removeIf(s -> s.contains("AUDIT_PRUNE"));
        write(l);
        assertThat(HashChainedAuditLog.verify(file, Optional.empty()).problems()).anyMatch(p -> p.contains("not vouched for"));
    }
}
