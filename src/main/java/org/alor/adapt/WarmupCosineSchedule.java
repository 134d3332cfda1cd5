package org.alor.adapt;

/**
 * The per-iteration learning rate of ALOR.md §5: {@code warmup} iterations rising linearly from
 * {@code warmupStart} (the first step) to {@code base}, then a cosine from {@code base} towards {@code floor}
 * whose period is the whole run ({@code totalIterations} = iterations per epoch × epochs), counted from the end
 * of the warm-up — as the reference wraps a {@code CosineAnnealingLR(T_max = total, eta_min = 1e-9)} in a warm-up,
 * so the cosine does not quite reach the floor when the run ends.
 */
public final class WarmupCosineSchedule {
    public static final int DEFAULT_WARMUP = 50;
    public static final double DEFAULT_WARMUP_START = 1e-6;
    public static final double DEFAULT_FLOOR = 1e-9;

    private final double base;
    private final int warmup;
    private final double warmupStart;
    private final double floor;
    private final long totalIterations;

    public WarmupCosineSchedule(double base, int warmup, double warmupStart, double floor, long totalIterations) {
        if (base <= 0 || warmup < 0 || totalIterations <= 0) {
            throw new IllegalArgumentException("bad schedule: base " + base + ", warm-up " + warmup + ", total " + totalIterations);
        }
        this.base = base;
        this.warmup = warmup;
        this.warmupStart = warmupStart;
        this.floor = floor;
        this.totalIterations = totalIterations;
    }

    /** The reference schedule: 50 warm-up iterations from 1e-6, cosine towards 1e-9 over the run. */
    public static WarmupCosineSchedule standard(double base, long totalIterations) {
        return new WarmupCosineSchedule(base, DEFAULT_WARMUP, DEFAULT_WARMUP_START, DEFAULT_FLOOR, totalIterations);
    }

    /** Learning rate of 0-based iteration {@code step}. */
    public double rate(long step) {
        if (step < warmup) return warmupStart + (base - warmupStart) * step / warmup;
        long t = step - warmup;
        return floor + (base - floor) * 0.5 * (1 + Math.cos(Math.PI * t / totalIterations));
    }
}
