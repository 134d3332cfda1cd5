package org.alor.adapt.train;

/**
 * The per-iteration schedule of LP/FT/CT (docs/method.md §5), with the semantics of the reference code:
 * CoOp's {@code LinearWarmupScheduler(warmup_iter, warmup_lr=1e-6)} whose successor is
 * {@code CosineAnnealingLR(T_max = total iterations, eta_min = 1e-9)}, both stepped once per
 * iteration. For a group with base rate {@code base}, W warm-up iterations and T total iterations,
 * the rate used by iteration i (0-based) is:
 * <pre>
 *   i = 0            : warmupStart                      (1e-6, the same for every group)
 *   1 ≤ i &lt; W        : base · i / W                     (linear rise; step W−1 is base·(W−1)/W)
 *   i ≥ W            : minLr + (base − minLr) · (1 + cos(π · (i − W) / T)) / 2
 * </pre>
 * The cosine only starts counting after the warm-up (the successor is not stepped during it) but
 * its period is the whole run T, so at the last iteration (i = T−1) the rate is still slightly above
 * minLr: it decays "towards 1e-9", as the reference does. Note the CoOp quirk kept on purpose: the
 * first iteration uses 1e-6 even for a group whose base rate is 1e-6 or lower, and the ramp then
 * restarts from base/W.
 */
public final class WarmupCosineSchedule implements LearningRateSchedule {
    public static final int ALOR_WARMUP_ITERATIONS = 50;
    public static final double ALOR_WARMUP_START = 1e-6;
    public static final double ALOR_MIN_LR = 1e-9;
    /** The reference's first warm-up step is 1e-5 instead when the tower (backbone) rate exceeds this. */
    public static final double ALOR_FAST_TOWER_LR = 5e-5;
    public static final double ALOR_FAST_WARMUP_START = 1e-5;

    private final int warmupIterations;
    private final double warmupStart;
    private final long totalIterations;
    private final double minLearningRate;

    public WarmupCosineSchedule(int warmupIterations, double warmupStart, long totalIterations,
                                double minLearningRate) {
        if (warmupIterations < 0 || totalIterations <= 0) {
            throw new IllegalArgumentException("need warm-up >= 0 and total iterations > 0");
        }
        this.warmupIterations = warmupIterations;
        this.warmupStart = warmupStart;
        this.totalIterations = totalIterations;
        this.minLearningRate = minLearningRate;
    }

    /** docs/method.md §5: 50 warm-up iterations from 1e-6, cosine towards 1e-9 over T = iterations × epochs. */
    public static WarmupCosineSchedule alor(int iterationsPerEpoch, int epochs) {
        return new WarmupCosineSchedule(ALOR_WARMUP_ITERATIONS, ALOR_WARMUP_START,
                (long) iterationsPerEpoch * epochs, ALOR_MIN_LR);
    }

    /** The reference's first warm-up rate for a tower rate: {@code 1e-5 if lr_backbone > 5e-5 else 1e-6}. */
    public static double alorWarmupStart(double towerLearningRate) {
        return towerLearningRate > ALOR_FAST_TOWER_LR ? ALOR_FAST_WARMUP_START : ALOR_WARMUP_START;
    }

    @Override
    public double learningRate(long iteration, double base) {
        if (iteration < warmupIterations) {
            return iteration == 0 ? warmupStart : base * iteration / warmupIterations;
        }
        double progress = (double) (iteration - warmupIterations) / totalIterations;
        return minLearningRate + (base - minLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    public long totalIterations() {
        return totalIterations;
    }
}
