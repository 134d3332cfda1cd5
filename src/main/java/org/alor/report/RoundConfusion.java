package org.alor.report;

import org.alor.data.Split;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's mistakes on the val split, from its stored predictions and the val images' true labels.
 *
 * @param images val images with a prediction and a true label
 * @param wrong  how many of them the round's model got wrong
 * @param pairs  the most frequent confusions, most first
 */
public record RoundConfusion(int round, int images, int wrong, List<ConfusedPair> pairs) {

    public static RoundConfusion read(ProjectStore store, int round, int limit) {
        Map<Long, Integer> truth = new HashMap<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.VAL)) {
            if (s.trueLabel() != null) truth.put(s.id(), s.trueLabel());
        }
        List<Prediction> predictions = store.predictionTable().byRound(round, Split.VAL).stream()
                .filter(p -> truth.containsKey(p.sampleId())).toList();
        long[] ids = new long[predictions.size()];
        int[] t = new int[ids.length];
        int[] p = new int[ids.length];
        int wrong = 0;
        for (int i = 0; i < ids.length; i++) {
            Prediction pr = predictions.get(i);
            ids[i] = pr.sampleId();
            t[i] = truth.get(pr.sampleId());
            p[i] = pr.predicted();
            if (t[i] != p[i]) wrong++;
        }
        return new RoundConfusion(round, ids.length, wrong, ConfusionPairs.top(ids, t, p, limit));
    }
}
