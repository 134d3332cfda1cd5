package org.alor.loop;

import ai.djl.ndarray.NDManager;
import org.alor.adapt.SavedModels;
import org.alor.adapt.TunedClipModel;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        RunConfig config = RunConfig.defaults(method, "random").withSeed(5).withEpochs(2).withBatchSize(8);
        return new RoundEngine(store, config, backend.featureSource(store), backend.textEncoder(store),
                Selectors.byName("random"), new OracleLabeler()).withBackend(backend);
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
            assertThat(RoundEngine.modelDir(dir, 2).resolve(TunedClipModel.TOWERS_FILE)).exists();
            assertThat(dir.resolve("rounds/2/adapted-features.safetensors")).exists();
        }
        assertThat(live).as("live NDArrays before round 0 and after rounds 0..2").containsOnly(live.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ft", "pt"})
    void roundsOfTheOtherMethodsSaveTheirWeightsAndLeaveNoArrays(String method, @TempDir Path dir) throws Exception {
        int before = ClipProject.liveArrays();
        try (ProjectStore store = ClipProject.create(dir)) {
            RoundResult result = engine(store, method).runRound(0, true);
            assertThat(result.test()).isNotNull();
            Path saved = RoundEngine.modelDir(dir, 0);
            assertThat(saved.resolve(SavedModels.HEAD_FILE)).exists();
            assertThat(saved.resolve(method.equals("ft") ? TunedClipModel.TOWERS_FILE : SavedModels.CONTEXTS_FILE)).exists();
            assertThat(dir.resolve("rounds/0/adapted-features.safetensors").toFile().exists()).isEqualTo(method.equals("ft"));
        }
        assertThat(ClipProject.liveArrays()).isEqualTo(before);
    }
}
