package org.alor.app.label;

import org.alor.store.ProjectStore;

import java.util.List;

/**
 * The model's ranked class guesses for a sample, e.g. the predictions a round persisted
 * ({@link StorePredictions}); {@link #NONE} knows nothing (the labeling view then offers the class the sample
 * was picked for).
 */
public interface PredictionSource {
    PredictionSource NONE = (store, round, sampleId, k) -> List.of();

    /** At most {@code k} classes, most probable first. Called on a background thread. */
    List<ClassProbability> topK(ProjectStore store, int round, long sampleId, int k);

    record ClassProbability(int classId, double probability) {
    }
}
