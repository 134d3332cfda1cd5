package org.alor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the `alor` command line. Sub-commands are registered here, one class each. */
@Command(name = "alor", mixinStandardHelpOptions = true, version = "ALOR Studio 0.1.0",
        description = "Active Learning with Open Resources: retrieval, CLIP adaptation and Tail First Sampling.",
        subcommands = {CommandLine.HelpCommand.class, InitCommand.class, SetCommand.class, InfoCommand.class,
                ExportCommand.class, ClipCommand.class, SynthCommand.class, SelectCommand.class, RoundCommand.class, StatusCommand.class,
                ExperimentCommand.class, RetrieveCommand.class, EmbedCommand.class, ZeroShotCommand.class,
                PretrainCommand.class, BenchCommand.class, DoctorCommand.class, EstimateCommand.class})
public final class AlorCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        org.alor.clip.OpenMpWaitPolicy.applyDefault(); // before libtorch loads
        org.alor.loop.doctor.GpuSwitch.applySavedChoice(org.alor.loop.doctor.UserFolders.current());
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 2 bad usage, 1 failure. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (exposed so tests can capture its output streams). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AlorCli());
        cl.setExecutionExceptionHandler(AlorCli::oneLineFailure);
        return cl;
    }

    /** Any failure while running a command: one line on stderr, exit code 1 (stack trace only with ALOR_DEBUG). */
    private static int oneLineFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        err.println("alor " + cl.getCommandName() + ": " + message.strip());
        if (System.getenv("ALOR_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
