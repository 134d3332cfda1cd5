package org.alor.synth;

import org.alor.adapt.train.TrainingListener;

/** Progress of a pretraining run: corpus loading, warnings about skipped input, then the trainer's steps. */
public interface PretrainListener extends TrainingListener {
    default void onWarning(String message) {
    }

    default void onCorpusLoaded(int pairs, int problems, double seconds) {
    }

    PretrainListener NONE = new PretrainListener() {
    };
}
