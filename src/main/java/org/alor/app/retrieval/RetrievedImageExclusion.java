package org.alor.app.retrieval;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.retrieval.RetrievalCache;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.StoredSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retrieval view → Exclude: records the images' provenance identities as excluded (so re-running retrieval does
 * not bring them back), deletes their sample rows (so training ignores them) and moves their files to
 * {@value #KEPT_DIR}, remembering each row in the setting {@value #EXCLUDED_IMAGES} so that Undo and Re-include
 * can put an image back exactly as it was, also after the project was reopened.
 */
public final class RetrievedImageExclusion {
    /** Per-project store setting: show retrieved thumbnails even with safe content on. */
    static final String SHOW_RETRIEVED_IMAGES = "show_retrieved_images";
    static final String EXCLUDED_IMAGES = "excluded_retrieved_images";
    static final String KEPT_DIR = RetrievalCache.DIR + "/excluded";
    private static final Gson GSON = new Gson();

    /** An excluded image: its former sample row, and where its file is kept ({@code keptAt}, project-relative). */
    public record ExcludedImage(String identity, String path, String keptAt, int classId, int width, int height,
                                String contentHash, String provenanceJson) {
    }

    private RetrievedImageExclusion() {
    }

    static void exclude(ProjectStore store, StoredSample sample) {
        exclude(store, List.of(sample));
    }

    /** Excludes the images in one go and returns them as recorded (what Undo hands to {@link #include}). */
    static synchronized List<ExcludedImage> exclude(ProjectStore store, List<StoredSample> samples) {
        List<ExcludedImage> batch = new ArrayList<>();
        for (StoredSample sample : samples) {
            if (sample.split() != Split.RETRIEVED) {
                throw new IllegalArgumentException(sample.path() + " is not a retrieved image; only retrieved images can be excluded");
            }
            String identity = RetrievalCache.exclusionIdentity(sample.provenanceJson());
            if (identity == null) {
                throw new IllegalArgumentException(sample.path() + " has no readable provenance, so its exclusion could not be remembered");
            }
            batch.add(new ExcludedImage(identity, sample.path(), KEPT_DIR + "/" + sample.path(), sample.trueLabel(),
                    sample.width(), sample.height(), sample.contentHash(), sample.provenanceJson()));
        }
        List<ExcludedImage> all = new ArrayList<>(excluded(store));
        all.addAll(batch);
        store.settings().set(EXCLUDED_IMAGES, GSON.toJson(all));
        RetrievedExclusions.exclude(store, batch.stream().map(ExcludedImage::identity).toList(),
                samples.stream().map(StoredSample::id).toList());
        for (ExcludedImage e : batch) {
            try {
                move(store.dir().resolve(e.path()), store.dir().resolve(e.keptAt()));
            } catch (IOException | RuntimeException ignored) {
                // the row is gone and the exclusion recorded; only re-including this image will lack its file
            }
        }
        return batch;
    }

    /** The excluded images this project remembers, oldest first. */
    static List<ExcludedImage> excluded(ProjectStore store) {
        String raw = store.settings().getString(EXCLUDED_IMAGES).orElse("");
        if (raw.isBlank()) return List.of();
        try {
            List<ExcludedImage> list = GSON.fromJson(raw, new TypeToken<List<ExcludedImage>>() { }.getType());
            return list == null ? List.of() : List.copyOf(list);
        } catch (JsonParseException e) {
            throw new IllegalStateException(store.databaseFile() + ": setting '" + EXCLUDED_IMAGES
                    + "' is not a list of excluded images", e);
        }
    }

    /**
     * Puts the images back as retrieved samples: their files return to where they were, their rows are inserted
     * again and retrieval may keep them from now on.
     */
    static synchronized void include(ProjectStore store, List<ExcludedImage> images) {
        Set<String> ids = images.stream().map(ExcludedImage::identity).collect(Collectors.toSet());
        List<SampleRecord> records = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        for (ExcludedImage e : images) {
            Path kept = store.dir().resolve(e.keptAt());
            Path back = store.dir().resolve(e.path());
            if (!Files.isRegularFile(kept) && !Files.isRegularFile(back)) {
                throw new IllegalStateException(kept + " is missing, so " + e.path() + " cannot be re-included");
            }
            records.add(new SampleRecord(e.path(), Split.RETRIEVED, e.classId(), e.width(), e.height(), e.contentHash()));
            provenance.add(e.provenanceJson());
        }
        for (ExcludedImage e : images) {
            try {
                Path kept = store.dir().resolve(e.keptAt());
                if (Files.isRegularFile(kept)) move(kept, store.dir().resolve(e.path()));
            } catch (IOException ex) {
                throw new UncheckedIOException("could not move " + e.keptAt() + " back to " + e.path(), ex);
            }
        }
        store.sampleTable().insertRetrieved(records, provenance);
        RetrievedExclusions.include(store, ids);
        List<ExcludedImage> rest = new ArrayList<>(excluded(store));
        rest.removeIf(e -> ids.contains(e.identity()));
        store.settings().set(EXCLUDED_IMAGES, GSON.toJson(rest));
    }

    private static void move(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) return;
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether the retrieved thumbnails of this project may be shown under the given safe-content preference. */
    public static boolean showRetrievedImages(ProjectStore store, boolean safeContent) {
        return !safeContent || store.settings().getBoolean(SHOW_RETRIEVED_IMAGES, false);
    }
}
