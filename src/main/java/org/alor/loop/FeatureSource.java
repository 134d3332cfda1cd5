package org.alor.loop;

import java.util.List;

/** Image embeddings of stored samples (in the app and the CLI: the CLIP encoder + feature cache). Thread-safe. */
@FunctionalInterface
public interface FeatureSource {
    /** One embedding per id, same order; fails naming the samples it cannot provide. */
    float[][] features(List<Long> sampleIds);
}
