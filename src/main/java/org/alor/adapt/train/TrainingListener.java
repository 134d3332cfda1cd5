package org.alor.adapt.train;

/** Receives training progress on the trainer's thread; keep the callbacks cheap. */
public interface TrainingListener {
    default void onStep(StepProgress progress) {
    }

    default void onEpoch(EpochSummary summary) {
    }

    /** Human-readable notices, e.g. "batch 128 does not fit, accumulating 2×64". */
    default void onNotice(String message) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
