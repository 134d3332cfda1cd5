package org.alor.adapt;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two trainings on parallel threads (as the runs of an experiment) both finish — DJL's single gradient collector is
 * shared — and neither disturbs the other: each ends bit-identical to the same training run alone.
 */
class ParallelTrainingTest {
    @TempDir
    static Path dir;
    static AutoCloseable oneThread;

    @BeforeAll
    static void pin() {
        oneThread = TinyClipWorld.singleThreaded();
    }

    @AfterAll
    static void restore() throws Exception {
        oneThread.close();
    }

    @Test
    void twoTuningRunsOnTwoThreadsBothFinish() throws Exception {
        TinyClipWorld world = new TinyClipWorld(dir, 3, 4, 1);
        TuningConfig config = TuningConfig.ct().withEpochs(3).withBatchSize(4);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                long seed = k;
                runs.add(pool.submit(() -> {
                    Adapter a = seed == 0
                            ? new ContrastiveTuneAdapter(TinyClipWorld.base(), world.classNames, PromptTemplates.BIRDS, config)
                            : new PromptTuneAdapter(TinyClipWorld.base(), world.classNames, TuningConfig.pt().withEpochs(3).withBatchSize(4));
                    try (AdaptedModel m = a.adapt(world.validatedOnTraining(seed), Progress.NONE, new CancellationToken())) {
                        return ((Number) m.summary().get("iterations")).intValue();
                    }
                }));
            }
            assertThat(runs.get(0).get()).isEqualTo(9);
            assertThat(runs.get(1).get()).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fineTuningAndContrastiveTuningOnParallelThreadsEndExactlyAsWhenRunAlone() throws Exception {
        TinyClipWorld world = new TinyClipWorld(java.nio.file.Files.createDirectories(dir.resolve("alone-vs-parallel")), 3, 6, 1);
        float[] ftAlone = adaptedWeights(world, "ft");
        float[] ctAlone = adaptedWeights(world, "ct");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int repeat = 0; repeat < 2; repeat++) {
                Future<float[]> ft = pool.submit(() -> adaptedWeights(world, "ft"));
                Future<float[]> ct = pool.submit(() -> adaptedWeights(world, "ct"));
                assertThat(ft.get()).as("FT weights, parallel run %d", repeat).containsExactly(ftAlone);
                assertThat(ct.get()).as("CT weights, parallel run %d", repeat).containsExactly(ctAlone);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ftAlone).doesNotContain(Float.NaN);
    }

    /** Every weight after 3 epochs of FT or CT, flattened (FT's head replaces the scale PT/CT derive). */
    private static float[] adaptedWeights(TinyClipWorld world, String method) {
        TuningConfig config = (method.equals("ft") ? TuningConfig.ft() : TuningConfig.ct()).withEpochs(3).withBatchSize(4)
                .withEncoderLr(1e-3).withHeadLr(1e-2).withWarmup(2);
        try (AdaptedModel m = world.tuningAdapter(method, config).adapt(world.validatedOnTraining(5), Progress.NONE, new CancellationToken())) {
            float[] weights = TinyClipWorld.adaptedWeights(m);
            float[] withScale = java.util.Arrays.copyOf(weights, weights.length + 1);
            withScale[weights.length] = ((HeadModel) m).logitScale();
            return withScale;
        }
    }
}
