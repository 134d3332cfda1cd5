package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.CancellationToken;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolProbabilitiesTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsWithAndWithoutAHeadAndRejectsDamagedFiles() throws Exception {
        Path file = PoolProbabilities.file(tmp, 3);
        PoolProbabilities p = new PoolProbabilities(new long[]{7, 9}, new float[][]{{0.25f, 0.75f}, {1f, 0f}},
                new float[][]{{1f, 2f, 3f}, {4f, 5f, 6f}}, 100f);
        p.write(file);
        PoolProbabilities back = PoolProbabilities.read(file).orElseThrow();
        assertThat(back.sampleIds()).containsExactly(7, 9);
        assertThat(back.probs()).isDeepEqualTo(p.probs());
        assertThat(back.headWeights()).isDeepEqualTo(p.headWeights());
        assertThat(back.logitScale()).isEqualTo(100f);
        assertThat(file.getParent().getFileName().toString()).isEqualTo("3");

        new PoolProbabilities(new long[0], new float[0][], null, 100f).write(file);
        assertThat(PoolProbabilities.read(file).orElseThrow().headWeights()).isNull();

        p.write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(PoolProbabilities.read(file)).isEmpty();
        assertThat(PoolProbabilities.read(tmp.resolve("missing.bin"))).isEmpty();
    }

    @Test
    void aLostProbabilitiesFileIsRecomputedToTheSameSelection() throws Exception {
        Path lost = tmp.resolve("lost");
        Path reference = tmp.resolve("reference");
        try (ProjectStore store = SyntheticWorld.create(lost)) {
            CancellationToken token = new CancellationToken();
            int[] round = {-1};
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 8))
                    .withCancellation(token).withProgress((PhaseProgress) (phase, done, total, message) -> {
                        if (phase == Phase.ROUND) round[0] = (int) done;
                        if (phase == Phase.PREDICTING && done == 3 && round[0] == 1) token.cancel();
                    });
            assertThatThrownBy(() -> engine.runThrough(2)).isInstanceOf(CancellationException.class);
            assertThat(store.roundTable().byIndex(1).orElseThrow().status()).isEqualTo(RoundStatus.SELECTING);
            Files.delete(PoolProbabilities.file(lost, 1));

            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 8)).runThrough(2);
            try (ProjectStore ref = SyntheticWorld.create(reference)) {
                EngineFixture.oracleEngine(ref, EngineFixture.config("lp", "tfs", 8)).runThrough(2);
                assertThat(EngineFixture.state(store)).isEqualTo(EngineFixture.state(ref));
            }
        }
    }
}
