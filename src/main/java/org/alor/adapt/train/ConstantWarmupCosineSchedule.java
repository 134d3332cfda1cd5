package org.alor.adapt.train;

/**
 * The prompt-tuning schedule of CoOp (docs/method.md §5, PT): {@code ConstantWarmupScheduler(warmup_epoch=1,
 * cons_lr=1e-5)} with successor {@code CosineAnnealingLR(T_max = P)}, both stepped once per EPOCH, so the rate is
 * constant within an epoch. For epoch e (0-based), W warm-up epochs and a cosine period of P epochs:
 * <pre>
 *   e &lt; W : constantLr                                      (1e-5)
 *   e ≥ W : minLr + (base − minLr) · (1 + cos(π · (e − W) / P)) / 2   (epoch W uses base = 0.002)
 * </pre>
 * The reference's period is 200 epochs of which only 50 run, so the rate never gets near minLr: the last
 * epoch (e = 49) uses (1 + cos(π·48/200))/2 ≈ 86% of the base, ≈ 0.0017.
 */
public final class ConstantWarmupCosineSchedule implements LearningRateSchedule {
    public static final int COOP_WARMUP_EPOCHS = 1;
    public static final double COOP_WARMUP_LR = 1e-5;
    /**
     * The cosine's period T_max in epochs: the reference's {@code OPTIM.MAX_EPOCH: 200} (its PT config), while its
     * trainer runs a hard-coded 50 epochs. The two are independent there, so the period stays 200 whatever the
     * number of epochs run.
     */
    public static final int COOP_PERIOD_EPOCHS = 200;

    private final int iterationsPerEpoch;
    private final int warmupEpochs;
    private final double constantLearningRate;
    private final int periodEpochs;
    private final double minLearningRate;

    public ConstantWarmupCosineSchedule(int iterationsPerEpoch, int warmupEpochs, double constantLearningRate,
                                        int periodEpochs, double minLearningRate) {
        if (iterationsPerEpoch <= 0 || periodEpochs <= 0 || warmupEpochs < 0) {
            throw new IllegalArgumentException("need iterations per epoch > 0, cosine period > 0, warm-up >= 0");
        }
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.warmupEpochs = warmupEpochs;
        this.constantLearningRate = constantLearningRate;
        this.periodEpochs = periodEpochs;
        this.minLearningRate = minLearningRate;
    }

    /** CoOp as ALOR runs it: one warm-up epoch at a constant 1e-5, then cosine of period 200 epochs towards 0. */
    public static ConstantWarmupCosineSchedule coop(int iterationsPerEpoch) {
        return coop(iterationsPerEpoch, COOP_WARMUP_EPOCHS);
    }

    /** As {@link #coop(int)} with {@code warmupEpochs} constant epochs. */
    public static ConstantWarmupCosineSchedule coop(int iterationsPerEpoch, int warmupEpochs) {
        return new ConstantWarmupCosineSchedule(iterationsPerEpoch, warmupEpochs, COOP_WARMUP_LR, COOP_PERIOD_EPOCHS, 0);
    }

    @Override
    public double learningRate(long iteration, double base) {
        long epoch = iteration / iterationsPerEpoch;
        if (epoch < warmupEpochs) return constantLearningRate;
        double progress = (double) (epoch - warmupEpochs) / periodEpochs;
        return minLearningRate + (base - minLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    public int periodEpochs() {
        return periodEpochs;
    }
}
