package org.alor.app.retrieval;

import org.alor.data.Split;
import org.alor.retrieval.RetrievalCache;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.StoredSample;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Retrieval view → Exclude image: records the image's provenance identity as excluded (so re-running retrieval
 * does not bring it back), then deletes the sample row (so training ignores it) and its file.
 */
public final class RetrievedImageExclusion {
    /** Per-project store setting: show retrieved thumbnails even with safe content on. */
    static final String SHOW_RETRIEVED_IMAGES = "show_retrieved_images";

    private RetrievedImageExclusion() {
    }

    static void exclude(ProjectStore store, StoredSample sample) {
        if (sample.split() != Split.RETRIEVED) {
            throw new IllegalArgumentException(sample.path() + " is not a retrieved image; only retrieved images can be excluded");
        }
        String identity = RetrievalCache.exclusionIdentity(sample.provenanceJson());
        if (identity == null) {
            throw new IllegalArgumentException(sample.path() + " has no readable provenance, so its exclusion could not be remembered");
        }
        RetrievedExclusions.exclude(store, List.of(identity), List.of(sample.id()));
        try {
            Files.deleteIfExists(store.dir().resolve(sample.path()));
        } catch (IOException | RuntimeException e) {
            // the row is gone and the exclusion recorded; a left-over file is harmless
        }
    }

    /** Whether the retrieved thumbnails of this project may be shown under the given safe-content preference. */
    public static boolean showRetrievedImages(ProjectStore store, boolean safeContent) {
        return !safeContent || store.settings().getBoolean(SHOW_RETRIEVED_IMAGES, false);
    }
}
