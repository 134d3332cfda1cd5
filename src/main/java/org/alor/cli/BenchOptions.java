package org.alor.cli;

import picocli.CommandLine.Option;

/** Options every `alor bench` measurement shares (picocli mixin). */
final class BenchOptions {
    @Option(names = "--warmup", defaultValue = "1", description = "Untimed repetitions first (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device = "auto";
}
