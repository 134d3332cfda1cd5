package org.alor.loop;

import org.alor.store.ProjectStore;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The round's guard against NaN and ∞: features, text embeddings, logits and probabilities are checked where they
 * enter or leave training, so a diverged model or a damaged cache or checkpoint stops the round before anything is
 * written, with a message saying what was not finite and what to do (instead of a database constraint later).
 */
final class FiniteValues {
    private FiniteValues() {
    }

    /**
     * Fails when a row holds NaN or ∞.
     *
     * @param what   what the rows are, e.g. "image features"
     * @param rowName names row i for the message, e.g. "sample id 17"
     * @param advice what the user should do
     */
    static void require(float[][] rows, String what, IntFunction<String> rowName, String advice) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != null && !allFinite(rows[i])) {
                bad++;
                if (first < 0) first = i;
            }
        }
        if (bad > 0) {
            throw new IllegalStateException(what + " are not finite (NaN or ∞) for " + bad + " of " + rows.length
                    + ", e.g. " + rowName.apply(first) + ": " + advice);
        }
    }

    /** {@link #require} with rows named by the sample ids they belong to. */
    static void requireForSamples(float[][] rows, List<Long> ids, String what, String advice) {
        require(rows, what, i -> "sample id " + ids.get(i), advice);
    }

    /** Wraps a feature source so that a NaN or ∞ it returns stops the caller, naming the sample and the cache. */
    static FeatureSource checked(FeatureSource source, ProjectStore store) {
        return ids -> {
            float[][] rows = source.features(ids);
            requireForSamples(rows, ids, "image features", reEmbed(store));
            return rows;
        };
    }

    static String reEmbed(ProjectStore store) {
        return "the feature cache is damaged or was filled by a bad checkpoint; delete "
                + store.dir().resolve(ProjectStore.FEATURES_DIR) + " and run `alor embed " + store.dir()
                + "` (if they come back, the checkpoint is bad)";
    }

    static String badCheckpoint() {
        return "the CLIP checkpoint gives NaN or ∞ (damaged weights); set a good checkpoint and run again";
    }

    static String lowerLearningRate(Method method) {
        return "training diverged; lower the learning rate (--lr-head" + (method.needsClip() ? " or --lr-encoder" : "")
                + ") and run the round again";
    }

    static boolean allFinite(float[] row) {
        for (float x : row) if (!Float.isFinite(x)) return false;
        return true;
    }
}
