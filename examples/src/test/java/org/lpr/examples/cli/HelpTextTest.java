package org.lpr.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} prints cleanly: picocli reads descriptions as format strings, so a bare {@code %} breaks them. */
class HelpTextTest {
    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void help_ofEveryCommand_formatsWithoutPicocliWarnings() {
        List<List<String>> commands = new ArrayList<>();
        collect(LprCli.commandLine(), List.of(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c)).contains("recognize", "eval-scenes", "eval-crops", "video");
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            CliCapture.Std std = CliCapture.runStd(args.toArray(String[]::new));
            assertThat(std.err()).as(String.join(" ", args)).doesNotContain("Could not format").doesNotContain("WARN");
            assertThat(std.out()).as(String.join(" ", args)).contains("Usage:").doesNotContain("Could not format");
        }
    }
}
