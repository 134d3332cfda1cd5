package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;

/**
 * An adaptation method. Each call starts from the pretrained state (docs/method.md §3: no warm start between rounds),
 * trains on the training set (retrieved ∪ labeled, shuffled together with equal weight) — cached
 * {@link TrainingSet#features()} for ZS/LP/PT, the images of {@link TrainingSet#images()} for FT/CT — keeps the
 * epoch with the best validation accuracy (ties: the later epoch; PT: the last epoch), and returns that model.
 * The caller closes the returned model (FT/CT models hold a CLIP in native memory).
 */
public interface Adapter {
    /** Short method name stored with the round, e.g. "zeroshot", "lp". */
    String name();

    /**
     * Reports epochs (and, for FT/CT/PT, every optimiser step) to {@code progress}; {@code token} is checked between
     * batches and handed to the trainer, which checks it before every step.
     *
     * @throws java.util.concurrent.CancellationException when {@code token} is cancelled
     */
    AdaptedModel adapt(TrainingSet data, Progress progress, CancellationToken token);
}
