package org.alor.adapt.train;

/**
 * Settings of one training run. Start from {@link #of(int, int, long)} and adjust with the
 * {@code with…} methods.
 *
 * @param epochs           number of epochs (docs/method.md §5: 50)
 * @param batchSize        examples per optimiser step (docs/method.md §5: 128; PT: 32)
 * @param seed             drives the per-epoch shuffle, the {@link BatchRequest#seed()}s and, when
 *                         {@code seedEngine}, the engine RNG (dropout etc.)
 * @param microBatches     split every batch into this many micro-batches whose gradients add up before
 *                         one optimiser step (1 = no accumulation); raised automatically when a
 *                         micro-batch runs out of device memory
 * @param prefetchBatches  how many (micro-)batches a background thread loads ahead (0 = load on the
 *                         trainer thread; 1–2 keeps a GPU fed)
 * @param selection        which epoch's model is kept
 * @param dropLast         drop the last incomplete batch of an epoch when there is at least one full
 *                         batch (CoOp/Dassl's {@code drop_last = len(data) >= batch}, PT); the reference's
 *                         LP/FT/CT loaders keep it ({@code drop_last=False})
 * @param scopeStepArrays  close every array created on the trainer thread during a train step, even
 *                         if the step attached it to a long-lived manager (guards against leaks)
 * @param seedEngine       call {@code Engine.setRandomSeed(seed)} at the start of the run
 */
public record TrainingConfig(int epochs, int batchSize, long seed, int microBatches, int prefetchBatches,
                             ModelSelection selection, boolean dropLast, boolean scopeStepArrays,
                             boolean seedEngine) {
    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (microBatches < 1 || microBatches > batchSize) {
            throw new IllegalArgumentException("micro-batches must be in 1.." + batchSize + ", got " + microBatches);
        }
        if (prefetchBatches < 0) throw new IllegalArgumentException("prefetch must be >= 0, got " + prefetchBatches);
        if (selection == null) throw new IllegalArgumentException("selection is required");
    }

    /** No accumulation, prefetch 1, best-validation selection, drop-last, scoped step arrays, seeded engine. */
    public static TrainingConfig of(int epochs, int batchSize, long seed) {
        return new TrainingConfig(epochs, batchSize, seed, 1, 1, ModelSelection.BEST_VALIDATION, true, true, true);
    }

    public TrainingConfig withMicroBatches(int k) {
        return new TrainingConfig(epochs, batchSize, seed, k, prefetchBatches, selection, dropLast, scopeStepArrays, seedEngine);
    }

    public TrainingConfig withPrefetch(int batches) {
        return new TrainingConfig(epochs, batchSize, seed, microBatches, batches, selection, dropLast, scopeStepArrays, seedEngine);
    }

    public TrainingConfig withSelection(ModelSelection s) {
        return new TrainingConfig(epochs, batchSize, seed, microBatches, prefetchBatches, s, dropLast, scopeStepArrays, seedEngine);
    }

    public TrainingConfig withDropLast(boolean drop) {
        return new TrainingConfig(epochs, batchSize, seed, microBatches, prefetchBatches, selection, drop, scopeStepArrays, seedEngine);
    }

    public TrainingConfig withScopeStepArrays(boolean scope) {
        return new TrainingConfig(epochs, batchSize, seed, microBatches, prefetchBatches, selection, dropLast, scope, seedEngine);
    }

    public TrainingConfig withSeedEngine(boolean seedIt) {
        return new TrainingConfig(epochs, batchSize, seed, microBatches, prefetchBatches, selection, dropLast, scopeStepArrays, seedIt);
    }

    /** Optimiser steps per epoch for {@code examples} training examples. */
    public int iterationsPerEpoch(int examples) {
        return BatchPlan.batchCount(examples, batchSize, dropLast);
    }

    /** Optimiser steps of the whole run (the T of the cosine schedule). */
    public long totalIterations(int examples) {
        return (long) iterationsPerEpoch(examples) * epochs;
    }
}
