package org.lpr.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code lpr} command line in-process, keeping what it writes to its out and err writers. */
final class CliCapture {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code lpr args...} and returns its exit code; output accumulates in {@link #out} and {@link #err}. */
    int run(String... args) {
        CommandLine cl = LprCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
