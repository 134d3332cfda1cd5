package org.alor.adapt.train;

/**
 * Called after every finished epoch (after evaluation and the {@link Snapshotter}, before
 * {@link TrainingListener#onEpoch}), e.g. to save the run so that a killed process can resume from there with
 * {@link Trainer.Builder#resumeFrom}.
 */
@FunctionalInterface
public interface EpochCheckpointer {
    void epochFinished(TrainerState state);
}
