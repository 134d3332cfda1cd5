package org.alor.retrieval;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds retrieved images nearly identical to task images (cosine of image embeddings ≥ threshold), to avoid leakage. */
public final class NearDuplicateFilter {
    private NearDuplicateFilter() {
    }

    /** Indices into {@code candidates} whose embedding is within {@code threshold} cosine of some task image. */
    public static Set<Integer> duplicates(ImageEmbedder embedder, List<Path> candidates, List<Path> taskImages, double threshold) {
        Set<Integer> out = new LinkedHashSet<>();
        if (candidates.isEmpty() || taskImages.isEmpty()) return out;
        float[][] task = embedder.embed(taskImages);
        float[][] cand = embedder.embed(candidates);
        for (int i = 0; i < task.length; i++) task[i] = Vectors.normalised(task[i]);
        for (int i = 0; i < cand.length; i++) {
            float[] c = Vectors.normalised(cand[i]);
            for (float[] t : task) {
                if (Vectors.dot(c, t) >= threshold) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }
}
