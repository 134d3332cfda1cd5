package org.alor.loop;

import org.alor.data.Split;
import org.alor.store.Prediction;

import java.util.ArrayList;
import java.util.List;

/** Turns probability rows into compact {@link Prediction}s: top-k classes with probabilities, and the entropy. */
final class PredictionRows {
    private PredictionRows() {
    }

    static List<Prediction> of(List<Long> ids, Split split, float[][] probs, int k) {
        List<Prediction> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) out.add(one(ids.get(i), split, probs[i], k));
        return out;
    }

    static Prediction one(long id, Split split, float[] p, int k) {
        int kk = Math.min(k, p.length);
        int[] top = new int[kk];
        float[] topP = new float[kk];
        boolean[] taken = new boolean[p.length];
        for (int j = 0; j < kk; j++) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                if (!taken[c] && (best < 0 || p[c] > p[best])) best = c; // ties: lower class id
            }
            taken[best] = true;
            top[j] = best;
            topP[j] = p[best];
        }
        return new Prediction(id, split, top[0], topP[0], (float) entropy(p), top, topP);
    }

    static double entropy(float[] p) {
        double h = 0;
        for (float x : p) if (x > 0) h -= x * Math.log(x);
        return h;
    }
}
