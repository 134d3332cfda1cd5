package org.alor.adapt;

/**
 * An adaptation method. Each call starts from the pretrained state (ALOR.md §3: no warm start between rounds),
 * trains on {@link TrainingSet#features()} (retrieved ∪ labeled, shuffled together with equal weight), keeps the
 * epoch with the best validation accuracy (ties: the later epoch), and returns that model.
 */
public interface Adapter {
    /** Short method name stored with the round, e.g. "zeroshot", "lp". */
    String name();

    /**
     * @throws java.util.concurrent.CancellationException when {@code monitor} reports cancellation
     */
    AdaptedModel adapt(TrainingSet data, TrainingMonitor monitor);
}
