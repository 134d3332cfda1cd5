package org.alor.loop;

import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18 item 14 through the round engine: a CT round that dies after epoch 2 of 3 leaves
 * {@code rounds/0/epoch-checkpoint.safetensors}; the next engine on the project trains only epoch 3, ends with the
 * uninterrupted round's metrics and pool probabilities, and removes the checkpoint and any partial one.
 */
class RoundEpochCheckpointTest {
    static AutoCloseable oneThread;

    @BeforeAll
    static void pinThreads() {
        oneThread = org.alor.adapt.TinyClipWorld.singleThreaded();
    }

    @AfterAll
    static void restoreThreads() throws Exception {
        oneThread.close();
    }

    private static RoundEngine engine(ProjectStore store) {
        ModelBackend backend = ClipProject.backend();
        RoundSpec spec = RoundSpec.builder(Method.CT, "random").optSeed(5).optEpochs(3).optBatchSize(8).build();
        return new RoundEngine(store, spec, backend.featureSource(store), backend.textEncoder(store),
                new OracleLabeler()).withBackend(backend);
    }

    private static final class Crash extends RuntimeException {
    }

    @Test
    void aRoundKilledAfterEpochTwoTrainsOnlyEpochThreeAndEndsAsTheUninterruptedRound(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        try (ProjectStore store = ClipProject.create(whole)) {
            engine(store).runRound(0, true);
        }

        Path killed = dir.resolve("killed");
        Path checkpoint = RoundEpochCheckpoint.file(killed, 0);
        try (ProjectStore store = ClipProject.create(killed)) {
            RoundEngine dying = engine(store).withProgress(new Progress() {
                @Override
                public void epoch(int epoch, int epochs, double valAccuracy) {
                    if (epoch == 2) throw new Crash();
                }
            });
            assertThatThrownBy(() -> dying.runRound(0, true)).isInstanceOf(Crash.class);
            assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.TRAINING);
        }
        assertThat(checkpoint).exists();
        Path partial = checkpoint.resolveSibling(checkpoint.getFileName() + "4711.part");
        Files.write(partial, new byte[] {1, 2, 3}); // what a kill during a save leaves

        List<Integer> epochsTrained = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        try (ProjectStore store = ProjectStore.open(killed)) {
            engine(store).withProgress(new Progress() {
                @Override
                public void epoch(int epoch, int epochs, double valAccuracy) {
                    epochsTrained.add(epoch);
                }

                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            }).runRound(0, true);
        }
        assertThat(epochsTrained).containsExactly(3);
        assertThat(notices).anyMatch(n -> n.contains("epochs 1–2 of 3 already trained"));
        assertThat(checkpoint).as("deleted once the round's training is committed").doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(Files.mismatch(PoolProbabilities.file(whole, 0), PoolProbabilities.file(killed, 0)))
                .as("pool probabilities byte for byte").isEqualTo(-1L);
        try (ProjectStore a = ProjectStore.open(whole); ProjectStore b = ProjectStore.open(killed)) {
            assertThat(b.roundTable().metrics(0)).isEqualTo(a.roundTable().metrics(0));
            assertThat(b.roundTable().selections(0)).isEqualTo(a.roundTable().selections(0));
        }
    }
}
