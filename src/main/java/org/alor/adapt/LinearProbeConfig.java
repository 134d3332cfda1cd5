package org.alor.adapt;

import org.alor.adapt.train.WarmupCosineSchedule;

/**
 * Settings of {@link LinearProbeAdapter}; {@link #standard()} holds the numbers of docs/method.md §5.
 *
 * @param epochs       epochs per round (paper: 50)
 * @param batchSize    batch size (paper: 128)
 * @param learningRate base learning rate (1e-4)
 * @param weightDecay  AdamW weight decay (0.01)
 * @param warmup       linear warm-up iterations (50)
 */
public record LinearProbeConfig(int epochs, int batchSize, double learningRate, double weightDecay, int warmup) {
    public LinearProbeConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (learningRate <= 0) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (weightDecay < 0) throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        if (warmup < 0) throw new IllegalArgumentException("warm-up must not be negative, got " + warmup);
    }

    public static LinearProbeConfig standard() {
        return new LinearProbeConfig(50, 128, 1e-4, 0.01, WarmupCosineSchedule.ALOR_WARMUP_ITERATIONS);
    }

    public LinearProbeConfig withEpochs(int e) {
        return new LinearProbeConfig(e, batchSize, learningRate, weightDecay, warmup);
    }

    public LinearProbeConfig withBatchSize(int b) {
        return new LinearProbeConfig(epochs, b, learningRate, weightDecay, warmup);
    }
}
