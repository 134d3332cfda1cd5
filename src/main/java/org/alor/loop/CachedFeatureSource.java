package org.alor.loop;

import org.alor.store.FeatureCache;

import java.util.List;

/**
 * Features read from a project's {@link FeatureCache} for one checkpoint and preprocessing; every requested
 * sample must have been encoded before (the round engine never encodes images itself).
 */
public final class CachedFeatureSource implements FeatureSource {
    private final FeatureCache cache;
    private final String checkpointHash;
    private final String preprocessKey;

    public CachedFeatureSource(FeatureCache cache, String checkpointHash, String preprocessKey) {
        this.cache = cache;
        this.checkpointHash = checkpointHash;
        this.preprocessKey = preprocessKey;
    }

    @Override
    public float[][] features(List<Long> sampleIds) {
        if (sampleIds.isEmpty()) return new float[0][];
        FeatureCache.Lookup lookup = cache.get(checkpointHash, preprocessKey, sampleIds);
        if (!lookup.allCached()) {
            List<Long> missing = lookup.missing();
            throw new IllegalStateException(missing.size() + " of " + sampleIds.size() + " images have no cached features"
                    + " for checkpoint " + checkpointHash + " (e.g. sample ids " + missing.subList(0, Math.min(5, missing.size()))
                    + "); extract features first");
        }
        return lookup.vectors();
    }
}
