package org.alor.adapt;

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

/** Two trainings on parallel threads (as the runs of an experiment) both finish: DJL's single gradient collector is shared. */
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
                    try (AdaptedModel m = a.adapt(world.validatedOnTraining(seed), TrainingMonitor.NONE)) {
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
}
