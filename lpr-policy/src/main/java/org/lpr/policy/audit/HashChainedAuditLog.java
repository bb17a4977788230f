package org.lpr.policy.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.spi.AuditSink;

/**
 * An append-only, tamper-evident audit log in a JSON-lines file. Each record holds the SHA-256 of its
 * canonical form, which includes the previous record's hash, so altering, removing, inserting or
 * reordering any record breaks the chain and {@link #verify()} names where.
 *
 * <p>Records are written and forced to disk before {@link #record} returns; a write that fails throws, so
 * the audited action is refused. Records older than the audit retention (at least a year) can be pruned
 * with {@link #pruneBefore}: the pruned head is kept as an anchor line that a chained {@code AUDIT_PRUNE}
 * record vouches for, so pruning stays verifiable. Thread-safe.
 */
public final class HashChainedAuditLog implements AuditSink, AutoCloseable {
    /** The shortest audit retention allowed: one year, beyond the 30-day read retention. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(365);
    /** The action of the chained record that vouches for a prune. */
    public static final String PRUNE_ACTION = "AUDIT_PRUNE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private final Duration retention;
    private FileChannel channel;
    private long lastSeq;
    private String lastHash;
    private boolean closed;

    private HashChainedAuditLog(Path file, Clock clock, Duration retention) throws IOException {
        this.file = file;
        this.clock = clock;
        this.retention = retention;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChainHead head = lastRecordHead(file);
        this.lastSeq = head.seq();
        this.lastHash = head.hash();
        this.channel = openForAppend(file);
    }

    /**
     * Opens (or creates) the log at {@code file}, keeping records for at least {@code retention}.
     *
     * @throws IllegalArgumentException when {@code retention} is shorter than {@link #MINIMUM_RETENTION}
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static HashChainedAuditLog open(Path file, Clock clock, Duration retention) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("audit retention " + retention.toDays() + " days is shorter than the minimum "
                    + MINIMUM_RETENTION.toDays() + " days");
        }
        try {
            return new HashChainedAuditLog(file, clock, retention);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit log " + file, e);
        }
    }

    /** Opens (or creates) the log at {@code file} with the system clock and the minimum retention of a year. */
    public static HashChainedAuditLog open(Path file) {
        return open(file, Clock.systemUTC(), MINIMUM_RETENTION);
    }

    /** The log's file. */
    public Path file() {
        return file;
    }

    /** How long records are kept. */
    public Duration retention() {
        return retention;
    }

    /** The last record written. */
    public synchronized ChainHead head() {
        return new ChainHead(lastSeq, lastHash);
    }

    /** Appends {@code event} to the chain and forces it to disk; throws when it cannot, so the action is refused. */
    @Override
    public synchronized void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            throw new IllegalStateException("audit log " + file + " is closed");
        }
        long seq = lastSeq + 1;
        String hash = hash(seq, event, lastHash);
        String line = toLine(new AuditRecord(seq, event, lastHash, hash)) + "\n";
        try {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit record " + seq + " to " + file, e);
        }
        lastSeq = seq;
        lastHash = hash;
    }

    /** The records whose events happened in {@code [from, to)}, in chain order; unreadable lines are skipped (verify finds them). */
    public synchronized List<AuditRecord> read(Instant from, Instant to) {
        List<AuditRecord> out = new ArrayList<>();
        for (Line l : readLines(file)) {
            if (l.record != null && !l.record.event().at().isBefore(from) && l.record.event().at().isBefore(to)) {
                out.add(l.record);
            }
        }
        return out;
    }

    /** Verifies this log's file; see {@link #verify(Path, Optional)}. */
    public synchronized ChainVerification verify() {
        return verify(file, Optional.of(new ChainHead(lastSeq, lastHash)));
    }

    /**
     * Removes records whose events happened before {@code cutoff}, which must leave at least the audit
     * retention; appends a chained {@code AUDIT_PRUNE} record naming how many were removed and the anchor.
     *
     * @return how many records were removed
     * @throws IllegalArgumentException when {@code cutoff} is later than now minus the retention
     */
    public synchronized long pruneBefore(Instant cutoff, String userId, String agencyOri) {
        Instant latestAllowed = clock.instant().minus(retention);
        if (cutoff.isAfter(latestAllowed)) {
            throw new IllegalArgumentException("audit prune cutoff " + cutoff + " would remove records younger than the "
                    + retention.toDays() + "-day audit retention (latest allowed cutoff " + latestAllowed + ")");
        }
        List<Line> lines = readLines(file);
        int firstKept = 0;
        Optional<ChainHead> anchor = Optional.empty();
        if (!lines.isEmpty() && lines.get(0).anchor != null) {
            anchor = Optional.of(lines.get(0).anchor);
            firstKept = 1;
        }
        long removed = 0;
        while (firstKept < lines.size() && lines.get(firstKept).record != null
                && lines.get(firstKept).record.event().at().isBefore(cutoff)) {
            AuditRecord r = lines.get(firstKept).record;
            anchor = Optional.of(new ChainHead(r.seq(), r.hash()));
            firstKept++;
            removed++;
        }
        if (removed == 0) {
            return 0;
        }
        ChainHead a = anchor.orElseThrow();
        record(new AuditEvent(clock.instant(), userId, agencyOri, PRUNE_ACTION, "", "", pruneQuery(a, removed), removed,
                AuditEvent.Outcome.ALLOWED, "AUDIT_RETENTION"));
        List<Line> all = readLines(file);
        StringBuilder out = new StringBuilder();
        out.append(anchorLine(a)).append('\n');
        for (int i = firstKept; i < all.size(); i++) {
            out.append(all.get(i).raw).append('\n');
        }
        try {
            channel.close();
            Path tmp = file.resolveSibling(file.getFileName() + ".prune");
            try (FileChannel t = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                t.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
                t.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            channel = openForAppend(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune audit log " + file, e);
        }
        return removed;
    }

    /** Closes the file. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close audit log " + file, e);
        }
    }

    /**
     * Verifies the hash chain of the log at {@code file}: every record's hash matches its content, every
     * record follows the one before in sequence and previous-hash, and (when {@code knownHead} is given)
     * the chain still reaches that head, so records cut from the end are caught too.
     */
    public static ChainVerification verify(Path file, Optional<ChainHead> knownHead) {
        List<String> problems = new ArrayList<>();
        List<Line> lines = readLines(file);
        long expectedSeq = 1;
        String expectedPrev = AuditRecord.GENESIS;
        Optional<ChainHead> anchor = Optional.empty();
        boolean anchorVouched = false;
        long count = 0;
        ChainHead head = new ChainHead(0, AuditRecord.GENESIS);
        boolean knownHeadSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            int lineNo = i + 1;
            if (l.anchor != null) {
                if (i != 0) {
                    problems.add("line " + lineNo + ": a prune anchor may only be the first line");
                } else {
                    anchor = Optional.of(l.anchor);
                    expectedSeq = l.anchor.seq() + 1;
                    expectedPrev = l.anchor.hash();
                }
                continue;
            }
            if (l.record == null) {
                problems.add("line " + lineNo + ": not a valid audit record (" + l.error + ")");
                continue;
            }
            AuditRecord r = l.record;
            count++;
            if (r.seq() != expectedSeq) {
                problems.add("line " + lineNo + ": record " + r.seq() + " where record " + expectedSeq
                        + " was expected (a record was removed, inserted or reordered)");
            }
            if (!r.previousHash().equals(expectedPrev)) {
                problems.add("line " + lineNo + ": record " + r.seq() + " does not follow the record before it: its previous-hash "
                        + abbreviate(r.previousHash()) + " is not " + abbreviate(expectedPrev) + " (a record was removed, inserted or reordered)");
            }
            String computed = hash(r.seq(), r.event(), r.previousHash());
            if (!computed.equals(r.hash())) {
                problems.add("line " + lineNo + ": record " + r.seq() + " was altered: its content hashes to " + abbreviate(computed)
                        + ", not the recorded " + abbreviate(r.hash()));
            }
            if (anchor.isPresent() && PRUNE_ACTION.equals(r.event().action())
                    && r.event().query().startsWith(pruneQueryPrefix(anchor.get()) + ";")) {
                anchorVouched = true;
            }
            if (knownHead.isPresent() && r.seq() == knownHead.get().seq()) {
                knownHeadSeen = true;
                if (!r.hash().equals(knownHead.get().hash())) {
                    problems.add("line " + lineNo + ": record " + r.seq() + " differs from the known head " + abbreviate(knownHead.get().hash()));
                }
            }
            expectedSeq = r.seq() + 1;
            expectedPrev = r.hash();
            head = new ChainHead(r.seq(), r.hash());
        }
        if (anchor.isPresent() && !anchorVouched) {
            problems.add("line 1: the prune anchor at record " + anchor.get().seq() + " is not vouched for by any " + PRUNE_ACTION
                    + " record (records were removed from the start)");
        }
        if (knownHead.isPresent() && knownHead.get().seq() > 0 && !knownHeadSeen) {
            problems.add("the log ends at record " + head.seq() + " but the known head is record " + knownHead.get().seq()
                    + " (records were removed from the end)");
        }
        return new ChainVerification(count, head, problems);
    }

    // ---- format ----

    static String hash(long seq, AuditEvent e, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] canonical = JSON.writeValueAsBytes(canonical(seq, e, previousHash));
            return HexFormat.of().formatHex(sha.digest(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException ex) {
            throw new IllegalStateException("cannot hash audit record " + seq, ex);
        }
    }

    private static ObjectNode canonical(long seq, AuditEvent e, String previousHash) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", seq);
        n.put("at", e.at().toString());
        n.put("userId", e.userId());
        n.put("agencyOri", e.agencyOri());
        n.put("action", e.action());
        n.put("purpose", e.purpose());
        n.put("reference", e.reference());
        n.put("query", e.query());
        n.put("resultCount", e.resultCount());
        n.put("outcome", e.outcome().name());
        n.put("rule", e.rule());
        n.put("prev", previousHash);
        return n;
    }

    private static String toLine(AuditRecord r) {
        ObjectNode n = canonical(r.seq(), r.event(), r.previousHash());
        n.put("hash", r.hash());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit record " + r.seq(), e);
        }
    }

    private static String anchorLine(ChainHead a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("anchor", true);
        n.put("seq", a.seq());
        n.put("hash", a.hash());
        return n.toString();
    }

    private static String pruneQueryPrefix(ChainHead anchor) {
        return "through=" + anchor.seq() + ";anchor=" + anchor.hash();
    }

    private static String pruneQuery(ChainHead anchor, long removed) {
        return pruneQueryPrefix(anchor) + ";removed=" + removed;
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }

    private record Line(String raw, AuditRecord record, ChainHead anchor, String error) {
    }

    private static List<Line> readLines(Path file) {
        List<Line> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
                if (!raw.isBlank()) {
                    out.add(parse(raw));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit log " + file, e);
        }
        return out;
    }

    private static Line parse(String raw) {
        try {
            JsonNode n = JSON.readTree(raw);
            if (n.path("anchor").asBoolean(false)) {
                return new Line(raw, null, new ChainHead(n.required("seq").asLong(), n.required("hash").asText()), "");
            }
            AuditEvent e = new AuditEvent(Instant.parse(n.required("at").asText()), n.required("userId").asText(),
                    n.required("agencyOri").asText(), n.required("action").asText(), n.required("purpose").asText(),
                    n.required("reference").asText(), n.required("query").asText(), n.required("resultCount").asLong(),
                    AuditEvent.Outcome.valueOf(n.required("outcome").asText()), n.required("rule").asText());
            return new Line(raw, new AuditRecord(n.required("seq").asLong(), e, n.required("prev").asText(), n.required("hash").asText()), null, "");
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return new Line(raw, null, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static ChainHead lastRecordHead(Path file) {
        List<Line> lines = readLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line l = lines.get(i);
            if (l.record != null) {
                return new ChainHead(l.record.seq(), l.record.hash());
            }
            if (l.anchor != null) {
                return l.anchor;
            }
        }
        return new ChainHead(0, AuditRecord.GENESIS);
    }

    private static FileChannel openForAppend(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
