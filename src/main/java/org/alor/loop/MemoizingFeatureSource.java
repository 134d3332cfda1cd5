package org.alor.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every feature it has fetched in memory, so repeated rounds (and the parallel runs of an experiment, which
 * share sample ids) read each image's features from the underlying source once. Thread-safe.
 */
public final class MemoizingFeatureSource implements FeatureSource {
    private final FeatureSource source;
    private final Map<Long, float[]> memo = new ConcurrentHashMap<>();

    public MemoizingFeatureSource(FeatureSource source) {
        this.source = source;
    }

    @Override
    public float[][] features(List<Long> sampleIds) {
        List<Long> missing = new ArrayList<>();
        for (Long id : sampleIds) if (!memo.containsKey(id)) missing.add(id);
        if (!missing.isEmpty()) {
            float[][] fetched = source.features(missing);
            for (int i = 0; i < missing.size(); i++) memo.put(missing.get(i), fetched[i]);
        }
        float[][] out = new float[sampleIds.size()][];
        for (int i = 0; i < out.length; i++) out[i] = memo.get(sampleIds.get(i));
        return out;
    }
}
