package org.alor.cli;

import org.alor.loop.ModelBackend;
import org.alor.loop.Project;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a command opens its {@link Project} session: the model's device (picocli mixin). */
final class SessionOptions {
    @Option(names = "--device", defaultValue = "auto", description = "Where the model runs: auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    /** The model backend the session opens; tests replace it with a fake. */
    ModelBackend.Factory backends = ModelBackend.Factory.CLIP;

    /** Opens the project as its one writing session: a second writer (another command, the app) is refused. */
    Project open(Path projectDir) {
        Project session = Project.open(projectDir).optDevice(device).optBackend(backends).build();
        try {
            session.store().lockForWriting();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }
}
