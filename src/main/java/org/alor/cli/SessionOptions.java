package org.alor.cli;

import org.alor.loop.ModelBackend;
import org.alor.loop.Project;
import org.alor.loop.Precision;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** How a command opens its {@link Project} session: the model's device (picocli mixin). */
final class SessionOptions {
    @Option(names = "--device", defaultValue = "auto", description = "Where the model runs: auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--precision", paramLabel = "fp32|bf16", description = "Number format CLIP encodes and trains in:"
            + " fp32, or bf16 (autocast: matrix products in bf16, weights, gradients and optimiser state fp32). Default:"
            + " the project's precision setting, else bf16 where the device runs it fast (a GPU with bf16, a CPU with"
            + " AVX-512 BF16 or AMX), else fp32. fp16 is refused: it needs loss scaling, which is not built.")
    String precision;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The model backend the session opens; tests replace it with a fake. */
    ModelBackend.Factory backends = ModelBackend.Factory.CLIP;

    /** Opens the project as its one writing session: a second writer (another command, the app) is refused. */
    Project open(Path projectDir) {
        Project session = Project.open(projectDir).optDevice(device).optBackend(backends).optPrecision(precision())
                .build();
        try {
            session.store().lockForWriting();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** The --precision flag, null when absent; fp16 or an unknown name is a usage error with the reason. */
    Precision precision() {
        if (precision == null) return null;
        try {
            Precision p = Precision.parse(precision);
            p.computeType();
            return p;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--precision: " + e.getMessage());
        }
    }
}
