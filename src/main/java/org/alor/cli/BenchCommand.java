package org.alor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alor bench}: groups the throughput measurements (not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Throughput measurements.",
        subcommands = {BenchEncodeCommand.class, BenchTrainStepCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
