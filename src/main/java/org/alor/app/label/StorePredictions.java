package org.alor.app.label;

import org.alor.store.Prediction;
import org.alor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The top classes the round engine persisted for each sample of a round. */
public final class StorePredictions implements PredictionSource {
    @Override
    public List<ClassProbability> topK(ProjectStore store, int round, long sampleId, int k) {
        Optional<Prediction> p = store.predictionTable().one(round, sampleId);
        List<ClassProbability> out = new ArrayList<>();
        if (p.isEmpty()) return out;
        int[] classes = p.get().topClasses();
        float[] probs = p.get().topProbs();
        for (int i = 0; i < Math.min(k, classes.length); i++) out.add(new ClassProbability(classes[i], probs[i]));
        return out;
    }
}
