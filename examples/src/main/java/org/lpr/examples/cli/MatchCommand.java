package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.ParsedHotList;
import org.lpr.core.hotlist.file.CsvHotListSource;
import org.lpr.core.hotlist.file.HotListLayouts;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.HotListLayout;
import org.lpr.ncic.LineError;
import org.lpr.ncic.NcicLayout;
import org.lpr.ncic.NcicLayouts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lpr match}: re-matches stored or exported reads against a hot list file, as an agency does
 * to find historical hits when a new entry arrives.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {
            "Re-matches reads against a hot list file with the default matching rules.",
            "Prints one JSON line per hit: {\"read\":..,\"state\":..,\"entry\":..,\"list\":..,\"match\":\"EXACT|CONFUSABLE|EDIT_DISTANCE_1\",\"score\":..}",
            "(read: the read's plate; state: its postal code or null; entry: the entry's plate or pattern; list: the entry's list type),",
            "then {\"reads\":N,\"hits\":H,\"ms\":..} (ms: time to match the reads). Bad lines are reported on stderr and skipped."})
final class MatchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--hotlist", required = true, paramLabel = "FILE", description = "the hot list file")
    Path hotlist;

    @Option(names = "--layout", defaultValue = HotListLayouts.PLAIN, paramLabel = "NAME",
            description = "the hot list file's layout: plain (PLATE,STATE,LIST_TYPE,REASON; the default), an NCIC layout "
                    + "(csv-header, tsv-header, pipe-header, semicolon-header, delimited:SEP, fixed:CODE=FROM-TO,...) "
                    + "or one a HotListLayout provider on the class path names")
    String layout;

    @Option(names = "--reads", required = true, paramLabel = "FILE", description = "reads, one plate per line, optionally PLATE,STATE")
    Path reads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(reads)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reads: no such file: " + reads);
        }
        if (!Files.isRegularFile(hotlist)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hotlist: no such file: " + hotlist);
        }
        ParsedHotList parsed;
        try {
            parsed = load();
        } catch (LprException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        for (HotListFormatException p : parsed.problems()) {
            err.println("skipped: " + p.getMessage());
        }
        if (parsed.list().entries().isEmpty()) {
            err.println("error: " + hotlist + " holds no valid hot list entry");
            return 1;
        }
        HotLists lists = HotLists.builder().list(parsed.list()).build();

        long t0 = System.nanoTime();
        long readCount = 0;
        long hitCount = 0;
        try (BufferedReader in = Files.newBufferedReader(reads, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                Plate plate;
                try {
                    plate = parseRead(trimmed);
                } catch (LprException | IllegalArgumentException e) {
                    err.println("skipped: " + reads.getFileName() + " line " + no + ": " + e.getMessage());
                    continue;
                }
                readCount++;
                List<Hit> hits = lists.match(plate);
                for (Hit h : hits) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("read", plate.text());
                    RecognizeCommand.putGivenState(o, plate.jurisdiction());
                    o.put("entry", h.entry().plate().text());
                    o.put("list", h.entry().listType().name());
                    o.put("match", h.match().name());
                    o.put("score", Math.round(h.score() * 1000) / 1000.0);
                    out.println(JSON.writeValueAsString(o));
                }
                hitCount += hits.size();
            }
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("reads", readCount);
        summary.put("hits", hitCount);
        summary.put("ms", (System.nanoTime() - t0) / 1_000_000);
        out.println(JSON.writeValueAsString(summary));
        out.flush();
        return 0;
    }

    /**
     * The hot list file's entries and bad lines: the plain layout from lpr-core, an NCIC layout from
     * lpr-ncic-adapter ({@code csv-header}, ...), or a {@link HotListLayout} provider on the class path.
     */
    private ParsedHotList load() {
        if (layout.equals(HotListLayouts.PLAIN)) {
            return new CsvHotListSource(hotlist).read();
        }
        NcicLayout ncic;
        try {
            ncic = NcicLayouts.named(layout);
        } catch (IllegalArgumentException notNcic) {
            HotListLayout provided;
            try {
                provided = HotListLayouts.named(layout);
            } catch (LprException none) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--layout: no hot list layout named '" + layout
                        + "'; available: " + String.join(", ", HotListLayouts.available()) + ", "
                        + String.join(", ", NcicLayouts.names()) + ", delimited:SEP, fixed:CODE=FROM-TO,...");
            }
            return new CsvHotListSource(hotlist, provided).read();
        }
        String name = hotlist.getFileName().toString();
        NcicLayout.Imported imported = ncic.readAll(hotlist);
        List<HotListFormatException> problems = new ArrayList<>();
        for (LineError e : imported.report().errors()) {
            problems.add(new HotListFormatException(name + " line " + e.line() + ": " + e.reason()));
        }
        if (imported.report().errorsOmitted() > 0) {
            problems.add(new HotListFormatException(name + ": " + imported.report().errorsOmitted() + " more bad lines not listed"));
        }
        return new ParsedHotList(new HotList(name, hotlist.toString(), Instant.now(), imported.entries()), problems);
    }

    /** {@code PLATE} or {@code PLATE,STATE}. */
    static Plate parseRead(String line) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            return Plate.of(line);
        }
        if (line.indexOf(',', comma + 1) >= 0) {
            throw new IllegalArgumentException("expected PLATE or PLATE,STATE but found more than two fields");
        }
        String state = line.substring(comma + 1).strip();
        return Plate.of(line.substring(0, comma), state.isEmpty() ? Jurisdiction.UNKNOWN : Jurisdiction.parse(state));
    }
}
