package org.alor.cli;

import ai.djl.Device;
import org.alor.loop.Precision;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every `alor bench` measurement shares (picocli mixin). */
final class BenchOptions {
    @Option(names = "--warmup", defaultValue = "1", description = "Untimed repetitions first (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--precision", paramLabel = "fp32|bf16", description = "bf16 also times autocast bf16 beside fp32 and"
            + " prints bf16/fp32 (default: bf16 where the device runs it fast, else fp32; fp16 is refused).")
    String precision;

    /** The asked precision, else the device's default; fp16 or an unknown name is a usage error. */
    Precision precision(CommandLine cl, Device device) {
        if (precision == null) return Precision.defaultFor(device);
        try {
            Precision p = Precision.parse(precision);
            p.computeType();
            return p;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--precision: " + e.getMessage());
        }
    }
}
