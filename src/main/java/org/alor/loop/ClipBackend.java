package org.alor.loop;

import org.alor.job.CancellationToken;
import ai.djl.Device;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageFeatureEncoder;
import org.alor.adapt.ImageSource;
import org.alor.adapt.TextTokenizer;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ComputeType;
import org.alor.clip.Devices;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real model backend: the project's CLIP checkpoint on one device, loaded once per project folder and kept
 * until the owning {@link Project} session closes. Image features come from the feature cache, embedding whatever
 * is missing first; class prompts go through the text tower.
 */
public final class ClipBackend implements ModelBackend {
    private final String device;
    private final int batchSize;
    private final int threads;
    private final Map<Path, ProjectCheckpoint> checkpoints = new ConcurrentHashMap<>();
    private volatile ComputeType computeType = ComputeType.FP32;

    /** Encoding batch 32; {@code threads} 0 = decoding on all cores. */
    public ClipBackend(String device, int threads) {
        this(device, 32, threads);
    }

    public ClipBackend(String device, int batchSize, int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more, not " + threads);
        this.device = device;
        this.batchSize = batchSize;
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The loaded checkpoints' native memory is freed. */
    @Override
    public void close() {
        checkpoints.values().forEach(ProjectCheckpoint::close);
        checkpoints.clear();
        bases.clear();
    }

    private final Map<Path, ClipBase> bases = new ConcurrentHashMap<>();

    @Override
    public void usePrecision(ComputeType type) {
        computeType = java.util.Objects.requireNonNull(type, "compute type");
        checkpoints.values().forEach(cp -> cp.model().setComputeType(type));
    }

    private ProjectCheckpoint checkpoint(ProjectStore store) {
        Path key = store.dir().toAbsolutePath().normalize();
        ProjectCheckpoint cp = checkpoints.computeIfAbsent(key, k -> {
            try {
                Device d = Devices.select(device);
                return ProjectCheckpoint.open(store, d);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
        cp.model().setComputeType(computeType);
        return cp;
    }

    @Override
    public FeatureSource featureSource(ProjectStore store) {
        ProjectCheckpoint cp = checkpoint(store);
        ProjectEmbedder embedder = new ProjectEmbedder(store, cp, embedSpec());
        return sampleIds -> {
            List<StoredSample> samples = new ArrayList<>(sampleIds.size());
            for (long id : sampleIds) {
                samples.add(store.sampleTable().byId(id).orElseThrow(() -> new IllegalArgumentException("no sample with id " + id)));
            }
            ProjectEmbedder.Report report = embedder.embed(samples, Progress.NONE, new CancellationToken());
            if (!report.failures().isEmpty()) {
                throw new IllegalStateException(report.failures().size() + " image(s) could not be read, e.g. "
                        + report.failures().get(0) + " — fix or remove them, then run again");
            }
            return new CachedFeatureSource(store.features(), cp.hash(), cp.preprocessKey()).features(sampleIds);
        };
    }

    @Override
    public ProjectEmbedder embedder(ProjectStore store, EmbedSpec spec) {
        return new ProjectEmbedder(store, checkpoint(store), spec);
    }

    private EmbedSpec embedSpec() {
        return EmbedSpec.builder().optBatchSize(batchSize).optThreads(threads).build();
    }

    /** The pretrained checkpoint FT, CT and PT start every round from (the one the cached features come from). */
    @Override
    public ClipBase clipBase(ProjectStore store) {
        ProjectCheckpoint cp = checkpoint(store);
        return bases.computeIfAbsent(store.dir().toAbsolutePath().normalize(),
                k -> ClipBase.of(cp.loaded(), TextTokenizer.of(cp.tokenizer()), cp.model().device()))
                .withComputeType(computeType);
    }

    /** Task images under the dataset root, retrieved ones under the project folder. */
    @Override
    public ImageSource images(ProjectStore store) {
        ProjectEmbedder embedder = embedder(store, embedSpec());
        return sampleId -> embedder.file(store.sampleTable().byId(sampleId)
                .orElseThrow(() -> new IllegalArgumentException("no sample with id " + sampleId)));
    }

    @Override
    public float[][] encodeImageFiles(ProjectStore store, List<Path> files) {
        return ImageFeatureEncoder.encode(checkpoint(store).model(), files, threads, new CancellationToken());
    }

    @Override
    public TextEncoder textEncoder(ProjectStore store) {
        ProjectCheckpoint cp = checkpoint(store);
        int context = cp.config().contextLength();
        return prompts -> new ClipEncoder(cp.model(), batchSize).encodeTexts(cp.tokenizer().tokenize(prompts, context));
    }
}
