package org.alor.loop;

import ai.djl.Device;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ImagePreprocessor;
import org.alor.data.Split;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectEmbedderTest {
    @TempDir
    static Path tmp;
    static Path template;

    @BeforeAll
    static void createProject() throws IOException {
        template = TinyProject.create(tmp.resolve("t"));
    }

    private static Path freshCopy(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (var s = Files.walk(template)) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return copy;
    }

    @Test
    void embedsEverySampleOnceAndASecondRunReadsTheCache() throws IOException {
        Path project = freshCopy("once");
        try (ProjectStore store = ProjectStore.open(project);
             ProjectCheckpoint ckpt = ProjectCheckpoint.open(store, Device.cpu())) {
            ProjectEmbedder embedder = new ProjectEmbedder(store, ckpt, EmbedSpec.builder().optBatchSize(8).optThreads(2).build());
            int total = embedder.samples(ProjectEmbedder.allSplits()).size();
            assertThat(total).isGreaterThan(20);

            ProjectEmbedder.Report first = embedder.embed(ProjectEmbedder.allSplits(), Progress.NONE, new org.alor.job.CancellationToken());
            assertThat(first.encoded()).isEqualTo(total);
            assertThat(first.cached()).isZero();
            assertThat(first.failures()).isEmpty();
            assertThat(store.settings().getString(Settings.CHECKPOINT_HASH)).contains(ckpt.hash());
            assertThat(ckpt.preprocessKey()).isEqualTo("clip-eval-32-bicubic-centercrop");

            ProjectEmbedder.Report second = embedder.embed(ProjectEmbedder.allSplits(), Progress.NONE, new org.alor.job.CancellationToken());
            assertThat(second.encoded()).isZero();
            assertThat(second.cached()).isEqualTo(total);

            // cached vectors are the encoder's output for the file under evaluation preprocessing
            StoredSample s = store.sampleTable().bySplit(Split.TEST).get(0);
            float[] cached = embedder.features(List.of(s), Progress.NONE, new org.alor.job.CancellationToken())[0];
            float[] direct = new ClipEncoder(ckpt.model()).encodeImages(
                    ImagePreprocessor.forConfig(ckpt.config()).preprocess(embedder.file(s)), 1)[0];
            for (int d = 0; d < direct.length; d++) assertThat(cached[d]).isCloseTo(direct[d], within(1e-4f));
        }
    }

    /** Grid tasks read the shared source project through read-only sessions once the plan has cached every feature. */
    @Test
    void cachedFeaturesAreServedThroughAReadOnlySession() throws IOException {
        Path project = freshCopy("read-only");
        List<Long> ids;
        float[][] written;
        try (ProjectStore store = ProjectStore.open(project); ClipBackend backend = new ClipBackend("cpu", 8, 1)) {
            ids = new java.util.ArrayList<>();
            for (Split split : Split.values()) store.sampleTable().bySplit(split).forEach(s -> ids.add(s.id()));
            written = backend.featureSource(store).features(ids);
        }
        try (ProjectStore readOnly = ProjectStore.openReadOnly(project); ClipBackend backend = new ClipBackend("cpu", 8, 1)) {
            assertThat(backend.featureSource(readOnly).features(ids)).isDeepEqualTo(written);
        }
    }

    @Test
    void aCorruptImageIsReportedByFileAndSkipped() throws IOException {
        Path project = freshCopy("corrupt");
        try (ProjectStore store = ProjectStore.open(project);
             ProjectCheckpoint ckpt = ProjectCheckpoint.open(store, Device.cpu())) {
            ProjectEmbedder embedder = new ProjectEmbedder(store, ckpt, EmbedSpec.builder().optBatchSize(8).optThreads(2).build());
            StoredSample victim = store.sampleTable().bySplit(Split.POOL).get(3);
            Path file = embedder.file(victim);
            byte[] original = Files.readAllBytes(file); // the dataset folder is shared by the tests
            Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
            int total = embedder.samples(ProjectEmbedder.allSplits()).size();

            ProjectEmbedder.Report r;
            float[] again;
            try {
                r = embedder.embed(ProjectEmbedder.allSplits(), Progress.NONE, new org.alor.job.CancellationToken());
                again = embedder.features(List.of(victim), Progress.NONE, new org.alor.job.CancellationToken())[0];
            } finally {
                Files.write(file, original);
            }
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(file);
                assertThat(f.sampleId()).isEqualTo(victim.id());
            });
            assertThat(r.encoded()).isEqualTo(total - 1);
            assertThat(again).isNull();
        }
    }

    @Test
    void aCancelledRunKeepsItsFinishedBatchesAndTheNextRunDoesTheRest() throws IOException {
        Path project = freshCopy("cancel");
        try (ProjectStore store = ProjectStore.open(project);
             ProjectCheckpoint ckpt = ProjectCheckpoint.open(store, Device.cpu())) {
            ProjectEmbedder embedder = new ProjectEmbedder(store, ckpt, EmbedSpec.builder().optBatchSize(4).optThreads(1).build());
            int total = embedder.samples(ProjectEmbedder.allSplits()).size();
            AtomicInteger batches = new AtomicInteger();
            ProjectEmbedder.Report partial = embedder.embed(ProjectEmbedder.allSplits(),
                    (PhaseProgress) (phase, done, all, message) -> batches.incrementAndGet(), org.alor.job.CancellationToken.following(() -> batches.get() >= 2));
            assertThat(partial.cancelled()).isTrue();
            assertThat(partial.encoded()).isEqualTo(8);
            assertThat(partial.failures()).isEmpty();

            ProjectEmbedder.Report rest = embedder.embed(ProjectEmbedder.allSplits(), Progress.NONE, new org.alor.job.CancellationToken());
            assertThat(rest.cached()).isEqualTo(8);
            assertThat(rest.encoded()).isEqualTo(total - 8);
            assertThat(rest.cancelled()).isFalse();
        }
    }
    @Test
    void aCacheRebuiltThroughTheRoundPathHoldsTheSameVectorsAsEmbed() throws IOException {
        Path project = freshCopy("rebuild");
        try (ProjectStore store = ProjectStore.open(project); ClipBackend backend = new ClipBackend("cpu", 4, 1)) {
            List<Long> pool = store.sampleTable().bySplit(Split.POOL).stream().map(StoredSample::id).toList();
            List<Long> test = store.sampleTable().bySplit(Split.TEST).stream().map(StoredSample::id).toList();
            ProjectEmbedder embedder = backend.embedder(store, EmbedSpec.builder().optBatchSize(4).optThreads(1).build());
            embedder.embed(ProjectEmbedder.allSplits(), Progress.NONE, new org.alor.job.CancellationToken());
            FeatureSource viaEmbed = new CachedFeatureSource(store.features(), embedder.checkpoint().hash(),
                    embedder.checkpoint().preprocessKey());
            float[][] poolByEmbed = viaEmbed.features(pool);

            // issue 18 item 5: features/ deleted ("safe"), then a round asks for the test split first, the pool after
            try (var walk = Files.walk(store.features().root())) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            FeatureSource roundPath = backend.featureSource(store);
            roundPath.features(test);
            float[][] poolByRound = roundPath.features(pool);
            for (int i = 0; i < pool.size(); i++) {
                for (int d = 0; d < poolByEmbed[i].length; d++) {
                    assertThat(poolByRound[i][d]).as("pool sample %d, dim %d", pool.get(i), d).isCloseTo(poolByEmbed[i][d], within(1e-4f));
                }
            }
        }
    }
}
