package org.alor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `alor clip ...`: low-level CLIP tools (tokenizer, forward pass) for checking a checkpoint. */
@Command(name = "clip", mixinStandardHelpOptions = true, description = "CLIP tools: tokenize text, run a forward pass.",
        subcommands = {TokenizeCommand.class, ClipForwardCommand.class})
public final class ClipCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
