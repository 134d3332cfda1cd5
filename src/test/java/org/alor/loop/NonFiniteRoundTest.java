package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 6: NaN or ∞ in features, logits or probabilities stops the round with a message and writes nothing. */
class NonFiniteRoundTest {
    @TempDir
    Path tmp;

    @Test
    void aDivergingLinearProbeStopsTheRoundAskingForALowerLearningRate() {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 1).optHeadLr(1e30));
            assertThatThrownBy(() -> engine.runRound(0, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not finite")
                    .hasMessageContaining("probabilities")
                    .hasMessageContaining("lower the learning rate");
            assertNothingWritten(store);
        }
    }

    @Test
    void aNaNFeatureStopsTheRoundNamingTheSampleAndTheCache() {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            FeatureSource clean = EngineFixture.WORLD.featureSource(store);
            long victim = RoundEngine.remainingPool(store).get(7);
            FeatureSource poisoned = ids -> {
                float[][] rows = clean.features(ids);
                for (int i = 0; i < rows.length; i++) {
                    if (ids.get(i) == victim) {
                        rows[i] = rows[i].clone();
                        rows[i][3] = Float.NaN;
                    }
                }
                return rows;
            };
            RoundEngine engine = new RoundEngine(store, EngineFixture.config("lp", "tfs", 1).build(), poisoned,
                    EngineFixture.WORLD.textEncoder(), new OracleLabeler());
            assertThatThrownBy(() -> engine.runRound(0, true))
                    .hasMessageContaining("image features")
                    .hasMessageContaining("not finite")
                    .hasMessageContaining("sample id " + victim)
                    .hasMessageContaining("alor embed");
            assertNothingWritten(store);
        }
    }

    @Test
    void nonFinitePromptEmbeddingsStopTheRoundBlamingTheCheckpoint() {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            TextEncoder nan = prompts -> {
                float[][] out = EngineFixture.WORLD.textEncoder().encode(prompts);
                for (float[] row : out) Arrays.fill(row, Float.NaN);
                return out;
            };
            RoundEngine engine = new RoundEngine(store, EngineFixture.config("zeroshot", "tfs", 1).build(),
                    EngineFixture.WORLD.featureSource(store), nan, new OracleLabeler());
            assertThatThrownBy(() -> engine.runRound(0, true))
                    .hasMessageContaining("text embeddings")
                    .hasMessageContaining("not finite")
                    .hasMessageContaining("checkpoint");
            assertNothingWritten(store);
        }
    }

    private static void assertNothingWritten(ProjectStore store) {
        assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.TRAINING);
        assertThat(store.roundTable().metrics(0)).isEmpty();
        for (org.alor.data.Split s : org.alor.data.Split.values()) assertThat(store.predictionTable().byRound(0, s)).isEmpty();
        assertThat(Files.exists(PoolProbabilities.file(store.dir(), 0))).isFalse();
        assertThat(Files.exists(RoundTraining.modelDir(store.dir(), 0))).isFalse();
    }
}
