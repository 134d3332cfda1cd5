package org.alor.loop;

import org.alor.job.CancellationToken;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ImagePipeline;
import org.alor.clip.ImagePreprocessor;
import org.alor.clip.ItemFailure;
import org.alor.clip.PreprocessedBatch;
import org.alor.data.Split;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.store.FeatureCache;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoredSample;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.CancellationException;

/**
 * Fills a project's feature cache with the image embeddings of its samples under the project's
 * checkpoint: only samples not cached yet are decoded (parallel {@link ImagePipeline}, evaluation
 * preprocessing at the model's input size) and encoded ({@link ClipEncoder#encodeImageStream}); every
 * encoded batch is stored at once, so a cancelled run keeps what it finished. Images that cannot be
 * read are reported by file and skipped.
 */
public final class ProjectEmbedder {
    /** An image that could not be embedded. */
    public record Failure(long sampleId, Path file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /**
     * @param samples   samples considered
     * @param cached    of those, already in the cache before this run
     * @param encoded   newly encoded and stored
     * @param failures  unreadable images (not stored)
     * @param seconds   wall time
     * @param cancelled whether the run stopped early (the encoded ones are kept)
     */
    public record Report(int samples, int cached, int encoded, List<Failure> failures, double seconds,
                         boolean cancelled) {
        public double imagesPerSecond() {
            return seconds > 0 ? encoded / seconds : 0;
        }
    }

    private final ProjectStore store;
    private final ProjectCheckpoint checkpoint;
    private final int batchSize;
    private final int threads;

    public ProjectEmbedder(ProjectStore store, ProjectCheckpoint checkpoint, EmbedSpec spec) {
        this.store = store;
        this.checkpoint = checkpoint;
        this.batchSize = spec.batchSize();
        this.threads = spec.threads();
    }

    /** The checkpoint the embeddings come from (and are cached under). */
    public ProjectCheckpoint checkpoint() {
        return checkpoint;
    }

    /** The samples of every split (pool, val, test, retrieved). */
    public List<StoredSample> samples(Collection<Split> splits) {
        List<StoredSample> out = new ArrayList<>();
        for (Split s : splits) out.addAll(store.sampleTable().bySplit(s));
        return out;
    }

    /** Embeds the missing samples of {@code splits}. */
    public Report embed(Collection<Split> splits, Progress progress, CancellationToken cancelled) {
        return embed(samples(splits), progress, cancelled);
    }

    /** Embeds those of {@code samples} that are not cached yet. */
    public Report embed(List<StoredSample> samples, Progress progress, CancellationToken cancelled) {
        long start = System.nanoTime();
        FeatureCache cache = store.features();
        FeatureCache.Lookup lookup = cache.get(checkpoint.hash(), checkpoint.preprocessKey(), ids(samples));
        List<StoredSample> missing = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) if (!lookup.isCached(i)) missing.add(samples.get(i));
        List<Failure> failures = new ArrayList<>();
        if (missing.isEmpty()) {
            return new Report(samples.size(), samples.size(), 0, failures, seconds(start), false);
        }
        List<Path> files = missing.stream().map(this::file).toList();
        ImagePreprocessor preprocessor = ImagePreprocessor.forConfig(checkpoint.config());
        ImagePipeline pipeline = ImagePipeline.forEvaluation(preprocessor, threads, batchSize);
        ClipEncoder encoder = new ClipEncoder(checkpoint.model(), batchSize);
        Queue<int[]> pendingIndices = new ArrayDeque<>();
        int[] stored = {0};
        boolean wasCancelled = false;
        try (ImagePipeline.Run run = pipeline.start(files, cancelled)) {
            Iterator<float[]> batches = new Iterator<>() {
                private PreprocessedBatch next;

                @Override
                public boolean hasNext() {
                    while (next == null && run.hasNext()) {
                        PreprocessedBatch b = run.next();
                        for (ItemFailure f : b.failures()) {
                            failures.add(new Failure(missing.get(f.index()).id(), files.get(f.index()), f.reason()));
                        }
                        if (b.size() > 0) next = b;
                    }
                    return next != null;
                }

                @Override
                public float[] next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    PreprocessedBatch b = next;
                    next = null;
                    pendingIndices.add(b.indices());
                    return b.pixels();
                }
            };
            encoder.encodeImageStream(batches, rows -> {
                int[] indices = pendingIndices.remove();
                List<Long> batchIds = new ArrayList<>(indices.length);
                for (int index : indices) batchIds.add(missing.get(index).id());
                FiniteValues.require(rows, "image features from checkpoint " + checkpoint.loaded().source(),
                        i -> files.get(indices[i]).toString(), FiniteValues.badCheckpoint());
                cache.put(checkpoint.hash(), checkpoint.preprocessKey(), batchIds, rows);
                stored[0] += rows.length;
                progress.phase(Phase.EMBEDDING, stored[0] + failures.size(), missing.size(), "images");
            }, Progress.NONE, cancelled);
            wasCancelled = run.cancelled() || cancelled.isCancelled();
        } catch (CancellationException e) {
            wasCancelled = true;
        }
        return new Report(samples.size(), samples.size() - missing.size(), stored[0], failures, seconds(start),
                wasCancelled);
    }

    /**
     * Cached features of the samples, embedding the missing ones first. Rows of samples whose image
     * could not be read are null.
     */
    public float[][] features(List<StoredSample> samples, Progress progress, CancellationToken cancelled) {
        Report report = embed(samples, progress, cancelled);
        if (report.cancelled()) throw new CancellationException("embedding cancelled");
        return store.features().get(checkpoint.hash(), checkpoint.preprocessKey(), ids(samples)).vectors();
    }

    /** The image file of a sample: task splits under the dataset root, retrieved ones under the project. */
    public Path file(StoredSample s) {
        if (s.split() == Split.RETRIEVED) return store.dir().resolve(s.path());
        Path root = store.settings().getPath(Settings.DATASET_ROOT).orElse(store.dir());
        return root.resolve(s.path());
    }

    private static List<Long> ids(List<StoredSample> samples) {
        return samples.stream().map(StoredSample::id).toList();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** All four splits. */
    public static List<Split> allSplits() {
        return Arrays.asList(Split.values());
    }
}
