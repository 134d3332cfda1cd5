package org.alor.adapt.train;

/**
 * The prompt-tuning schedule of CoOp (docs/method.md §5, PT): {@code ConstantWarmupScheduler(warmup_epoch=1,
 * cons_lr=1e-5)} with successor {@code CosineAnnealingLR(T_max = max_epoch, eta_min = 0)}, both
 * stepped once per EPOCH, so the rate is constant within an epoch. For epoch e (0-based), W warm-up
 * epochs and E epochs:
 * <pre>
 *   e &lt; W : constantLr                                      (1e-5)
 *   e ≥ W : minLr + (base − minLr) · (1 + cos(π · (e − W) / E)) / 2   (epoch W uses base = 0.002)
 * </pre>
 * As in the reference, the cosine starts after the warm-up but keeps the period E, so the last epoch
 * (e = E−1) uses the cosine at (E−1−W)/E and never reaches minLr.
 */
public final class ConstantWarmupCosineSchedule implements LearningRateSchedule {
    public static final int COOP_WARMUP_EPOCHS = 1;
    public static final double COOP_WARMUP_LR = 1e-5;

    private final int iterationsPerEpoch;
    private final int warmupEpochs;
    private final double constantLearningRate;
    private final int epochs;
    private final double minLearningRate;

    public ConstantWarmupCosineSchedule(int iterationsPerEpoch, int warmupEpochs, double constantLearningRate,
                                        int epochs, double minLearningRate) {
        if (iterationsPerEpoch <= 0 || epochs <= 0 || warmupEpochs < 0) {
            throw new IllegalArgumentException("need iterations per epoch > 0, epochs > 0, warm-up >= 0");
        }
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.warmupEpochs = warmupEpochs;
        this.constantLearningRate = constantLearningRate;
        this.epochs = epochs;
        this.minLearningRate = minLearningRate;
    }

    /** CoOp: one warm-up epoch at a constant 1e-5, then cosine from the base rate (0.002) to 0. */
    public static ConstantWarmupCosineSchedule coop(int iterationsPerEpoch, int epochs) {
        return new ConstantWarmupCosineSchedule(iterationsPerEpoch, COOP_WARMUP_EPOCHS, COOP_WARMUP_LR, epochs, 0);
    }

    @Override
    public double learningRate(long iteration, double base) {
        long epoch = iteration / iterationsPerEpoch;
        if (epoch < warmupEpochs) return constantLearningRate;
        double progress = (double) (epoch - warmupEpochs) / epochs;
        return minLearningRate + (base - minLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
