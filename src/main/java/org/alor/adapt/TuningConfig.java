package org.alor.adapt;

import org.alor.adapt.train.WarmupCosineSchedule;

/**
 * Settings of the DJL-trained methods (FT, CT, PT); {@link #ft()}, {@link #ct()} and {@link #pt()} hold the
 * numbers of docs/method.md §5.
 *
 * @param epochs          epochs per round (paper: 50)
 * @param batchSize       examples per optimiser step (paper: 128; PT 32)
 * @param encoderLr       FT: image tower; CT: both towers (1e-6); unused by PT
 * @param headLr          FT: head and log-scale (1e-4); CT: temperature (1e-4); PT: the prompt contexts (0.002)
 * @param weightDecay     AdamW 0.01 on every group (FT, CT); SGD 5e-4 (PT)
 * @param warmup          FT/CT: warm-up iterations (50); PT: warm-up epochs (1)
 * @param microBatches    split each batch into this many micro-batches from the start (1 = none; raised
 *                        automatically when a batch runs out of memory)
 */
public record TuningConfig(int epochs, int batchSize, double encoderLr, double headLr, double weightDecay, int warmup,
                           int microBatches) {
    public TuningConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(encoderLr >= 0) || !(headLr >= 0)) throw new IllegalArgumentException("learning rates must not be negative");
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must not be negative");
        if (warmup < 0) throw new IllegalArgumentException("warm-up must not be negative");
        if (microBatches < 1 || microBatches > batchSize) {
            throw new IllegalArgumentException("micro-batches must be in 1.." + batchSize + ", got " + microBatches);
        }
    }

    public static final int COOP_CONTEXT_TOKENS = 16;

    /** FT: 50 epochs, batch 128, image tower 1e-6, head and log-scale 1e-4, AdamW wd 0.01, 50 warm-up iterations. */
    public static TuningConfig ft() {
        return new TuningConfig(50, 128, 1e-6, 1e-4, 0.01, WarmupCosineSchedule.ALOR_WARMUP_ITERATIONS, 1);
    }

    /** CT: 50 epochs, batch 128, both towers 1e-6, temperature 1e-4, AdamW wd 0.01, 50 warm-up iterations. */
    public static TuningConfig ct() {
        return ft();
    }

    /** PT (CoOp): 50 epochs, batch 32, contexts lr 0.002, SGD momentum 0.9, wd 5e-4, 1 warm-up epoch at 1e-5. */
    public static TuningConfig pt() {
        return new TuningConfig(50, 32, 0, 0.002, 5e-4, 1, 1);
    }

    /** The paper's settings of a method: "ft", "ct" or "pt". */
    public static TuningConfig standard(String method) {
        return switch (method) {
            case "ft" -> ft();
            case "ct" -> ct();
            case "pt" -> pt();
            default -> throw new IllegalArgumentException("no tuning settings for method '" + method + "'");
        };
    }

    public TuningConfig withEpochs(int e) {
        return new TuningConfig(e, batchSize, encoderLr, headLr, weightDecay, warmup, Math.min(microBatches, batchSize));
    }

    public TuningConfig withBatchSize(int b) {
        return new TuningConfig(epochs, b, encoderLr, headLr, weightDecay, warmup, Math.min(microBatches, b));
    }

    public TuningConfig withEncoderLr(double lr) {
        return new TuningConfig(epochs, batchSize, lr, headLr, weightDecay, warmup, microBatches);
    }

    public TuningConfig withHeadLr(double lr) {
        return new TuningConfig(epochs, batchSize, encoderLr, lr, weightDecay, warmup, microBatches);
    }

    public TuningConfig withWarmup(int w) {
        return new TuningConfig(epochs, batchSize, encoderLr, headLr, weightDecay, w, microBatches);
    }

    public TuningConfig withMicroBatches(int k) {
        return new TuningConfig(epochs, batchSize, encoderLr, headLr, weightDecay, warmup, k);
    }
}
