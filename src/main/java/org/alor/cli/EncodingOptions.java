package org.alor.cli;

import org.alor.loop.EmbedSpec;
import org.alor.store.ProjectStore;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options of commands that run the project's CLIP image encoder (picocli mixin); the device is the session's. */
final class EncodingOptions {
    @Option(names = "--batch", defaultValue = "32", description = "Images per encoder batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Image decoding threads (default: ${DEFAULT-VALUE}).")
    int threads;

    /** The flags as an embedding spec. */
    EmbedSpec spec() {
        return EmbedSpec.builder().optBatchSize(batch).optThreads(threads).build();
    }

    /** The usage problem with these values or with {@code projectDir}, or null. */
    String problem(Path projectDir) {
        try {
            spec();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!Files.isRegularFile(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            return projectDir + " is not an ALOR project (no " + ProjectStore.DATABASE_FILE + ")";
        }
        return null;
    }
}
