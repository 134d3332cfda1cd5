package org.alor.cli;

import org.alor.loop.EmbedSpec;
import picocli.CommandLine.Option;

/** Options of commands that run the project's CLIP image encoder (picocli mixin). */
final class EncodingOptions {
    @Option(names = "--batch", defaultValue = "32", description = "Images per encoder batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Image decoding threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    /** The flags as an embedding spec. */
    EmbedSpec spec() {
        return EmbedSpec.builder().optBatchSize(batch).optThreads(threads).build();
    }

    /** The usage problem with these values (in flag terms), or null. */
    String problem() {
        try {
            spec();
            return null;
        } catch (IllegalArgumentException e) {
            return "--batch and --threads must be >= 1";
        }
    }
}
