package org.lpr.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lpr} command line: {@code java -jar examples/target/lpr.jar SUBCOMMAND ...}.
 *
 * <p>Each subcommand is its own class, registered in {@link #SUBCOMMANDS}.
 */
@Command(name = "lpr", mixinStandardHelpOptions = true, version = "lpr 0.1.0",
        description = "License plate recognition, hot list matching and evaluation.")
public final class LprCli implements Runnable {
    /** Every subcommand (an instance, or a class that picocli instantiates for each command line); add new ones here. */
    static final Object[] SUBCOMMANDS = {
        RecognizeCommand.class, EvalCropsCommand.class, EvalScenesCommand.class, VideoCommand.class,
        new HotListCommand(),
        new MatchCommand(),
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Builds the command line with every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LprCli());
        for (Object sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        // a failure the user can act on (no such recognizer, unreadable hot list) is one line, not a stack trace
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof org.lpr.core.LprException)) {
                throw e;
            }
            cmd.getErr().println("lpr " + cmd.getCommandName() + ": " + e.getMessage());
            cmd.getErr().flush();
            return 2;
        });
        return cl;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
