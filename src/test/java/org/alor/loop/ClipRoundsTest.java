package org.alor.loop;

import ai.djl.ndarray.NDManager;
import org.alor.adapt.SavedModels;
import org.alor.adapt.TunedClipModel;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FT, CT and PT rounds through the engine on real images: models saved per round, native memory bounded. */
class ClipRoundsTest {
    static AutoCloseable oneThread;

    @org.junit.jupiter.api.BeforeAll
    static void pinThreads() {
        oneThread = org.alor.adapt.TinyClipWorld.singleThreaded();
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreThreads() throws Exception {
        oneThread.close();
    }

    private static RoundEngine engine(ProjectStore store, String method) {
        ModelBackend backend = ClipProject.backend();
        RoundSpec config = RoundSpec.builder(Method.parse(method), "random").optSeed(5).optEpochs(2).optBatchSize(8).build();
        return new RoundEngine(store, config, backend.featureSource(store), backend.textEncoder(store),
                new OracleLabeler()).withBackend(backend);
    }

    @Test
    void theArrayCounterSeesArraysInSubManagers() {
        int before = ClipProject.liveArrays();
        try (NDManager m = NDManager.newBaseManager(); NDManager sub = m.newSubManager()) {
            sub.zeros(new ai.djl.ndarray.types.Shape(2));
            assertThat(ClipProject.liveArrays()).isEqualTo(before + 1);
        }
        assertThat(ClipProject.liveArrays()).isEqualTo(before);
    }

    /** Acceptance (c): three CT rounds leave no NDArray behind (each round builds and frees its own model). */
    @Test
    void threeContrastiveRoundsDoNotGrowNativeMemory(@TempDir Path dir) throws Exception {
        List<Integer> live = new ArrayList<>();
        live.add(ClipProject.liveArrays());
        try (ProjectStore store = ClipProject.create(dir)) {
            RoundEngine engine = engine(store, "ct");
            for (int r = 0; r < 3; r++) {
                engine.runRound(r, true);
                live.add(ClipProject.liveArrays());
            }
            assertThat(store.roundTable().byIndex(2).orElseThrow().status()).isEqualTo(RoundStatus.DONE);
            assertThat(RoundTraining.modelDir(dir, 2).resolve(TunedClipModel.TOWERS_FILE)).exists();
            assertThat(dir.resolve("rounds/2/adapted-features.safetensors")).exists();
        }
        assertThat(live).as("live NDArrays before round 0 and after rounds 0..2").containsOnly(live.get(0));
    }

    @Test
    void theTrainersStepsReachTheProgressGivenToTheRoundEngineAndACancelThereStopsTheNextStep(@TempDir Path dir)
            throws Exception {
        List<String> events = new ArrayList<>();
        try (ProjectStore store = ClipProject.create(dir)) {
            engine(store, "pt").withProgress(new Progress() {
                @Override
                public void step(int epoch, int epochs, int step, int steps, double loss, double ips, double eta) {
                    events.add("step " + epoch + "/" + epochs + " " + step + "/" + steps);
                }

                @Override
                public void epoch(int epoch, int epochs, double valAccuracy) {
                    events.add("epoch " + epoch + "/" + epochs);
                }
            }).runRound(0, true);
            assertThat(events).as("the trainer's step events, then each epoch's").isNotEmpty().endsWith("epoch 2/2");
            assertThat(events.get(0)).startsWith("step 1/2 1/");
            assertThat(events).contains("epoch 1/2").anyMatch(e -> e.startsWith("step 2/2 "));
        }
        try (ProjectStore store = ClipProject.create(dir.resolve("cancelled"))) {
            CancellationToken token = new CancellationToken();
            int[] steps = {0};
            RoundEngine engine = engine(store, "pt").withCancellation(token).withProgress(new Progress() {
                @Override
                public void step(int epoch, int epochs, int step, int total, double loss, double ips, double eta) {
                    steps[0]++;
                    token.cancel();
                }
            });
            assertThatThrownBy(() -> engine.runRound(0, true)).isInstanceOf(CancellationException.class);
            assertThat(steps[0]).as("no optimiser step after the cancel").isEqualTo(1);
            assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.TRAINING);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ft", "pt"})
    void roundsOfTheOtherMethodsSaveTheirWeightsAndLeaveNoArrays(String method, @TempDir Path dir) throws Exception {
        int before = ClipProject.liveArrays();
        try (ProjectStore store = ClipProject.create(dir)) {
            RoundResult result = engine(store, method).runRound(0, true);
            assertThat(result.test()).isNotNull();
            Path saved = RoundTraining.modelDir(dir, 0);
            assertThat(saved.resolve(SavedModels.HEAD_FILE)).exists();
            assertThat(saved.resolve(method.equals("ft") ? TunedClipModel.TOWERS_FILE : SavedModels.CONTEXTS_FILE)).exists();
            assertThat(dir.resolve("rounds/0/adapted-features.safetensors").toFile().exists()).isEqualTo(method.equals("ft"));
        }
        assertThat(ClipProject.liveArrays()).isEqualTo(before);
    }
}
