package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lpr.core.LprException;
import org.lpr.ncic.ImportReport;
import org.lpr.ncic.LineError;
import org.lpr.ncic.NcicLayout;
import org.lpr.ncic.NcicLayouts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lpr hotlist ...}: hot list files. */
@Command(name = "hotlist", description = "Hot list files: import and check NCIC-derived extracts.",
        mixinStandardHelpOptions = true, subcommands = HotListCommand.Import.class)
public final class HotListCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (import)");
    }

    /**
     * {@code lpr hotlist import --layout NAME FILE}: reads a hot list file as it streams and prints the import
     * report as JSON: {@code {"accepted":N,"rejected":M,"errors":[{"line":L,"reason":"..."}]}}.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports an NCIC-derived hot list file and prints {\"accepted\":..,\"rejected\":..,\"errors\":[{\"line\":..,\"reason\":..}]}.",
                    "Malformed lines are rejected with their line number and reason; the import carries on.",
                    "Exit status: 0 when the file was read (even with rejected lines), 1 when it could not be read at all, 2 for bad arguments."})
    public static final class Import implements Callable<Integer> {
        @Option(names = "--layout", required = true, paramLabel = "NAME",
                description = "The file's layout: csv-header, tsv-header, pipe-header, semicolon-header, delimited:SEP, or fixed:CODE=FROM-TO,...")
        String layout;

        @Option(names = "--max-errors", paramLabel = "N", defaultValue = "1000",
                description = "List at most N rejected lines (all are counted); default ${DEFAULT-VALUE}.")
        int maxErrors;

        @Parameters(index = "0", paramLabel = "FILE", description = "The hot list file (UTF-8).")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            NcicLayout l;
            try {
                l = NcicLayouts.named(layout);
            } catch (IllegalArgumentException e) {
                err.println("lpr hotlist import: " + e.getMessage());
                return 2;
            }
            if (!Files.isRegularFile(file)) {
                err.println("lpr hotlist import: " + file + " is not a readable file");
                return 1;
            }
            ImportReport report;
            try {
                // count only: the entries are not kept, so a file of millions of lines needs little memory
                report = l.withMaxErrors(maxErrors).read(file, entry -> { });
            } catch (LprException | IllegalArgumentException e) {
                err.println("lpr hotlist import: " + e.getMessage());
                return 1;
            }
            ObjectMapper json = new ObjectMapper();
            ObjectNode o = json.createObjectNode();
            o.put("accepted", report.accepted());
            o.put("rejected", report.rejected());
            ArrayNode errors = o.putArray("errors");
            for (LineError e : report.errors()) {
                errors.addObject().put("line", e.line()).put("reason", e.reason());
            }
            out.println(json.writeValueAsString(o));
            out.flush();
            return 0;
        }
    }
}
