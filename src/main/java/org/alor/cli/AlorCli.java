package org.alor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the `alor` command line. Sub-commands are registered here, one class each. */
@Command(name = "alor", mixinStandardHelpOptions = true, version = "ALOR Studio 0.1.0",
        description = "Active Learning with Open Resources: retrieval, CLIP adaptation and Tail First Sampling.",
        subcommands = {CommandLine.HelpCommand.class})
public final class AlorCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 2 bad usage, 1 failure. */
    public static int execute(String... args) {
        return new CommandLine(new AlorCli()).execute(args);
    }
}
