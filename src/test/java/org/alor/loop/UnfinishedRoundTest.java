package org.alor.loop;

import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17 item 7: a round stopped before its picks is reported with how it stopped and the spec it was started
 * with, is never continued with another method, and can be discarded without touching any label.
 */
class UnfinishedRoundTest {
    private static final int C = SyntheticWorld.CLASSES;

    @TempDir
    Path tmp;

    /** Runs round 0 to done, then round 1 with {@code method}, cancelled when {@code message} starts a phase. */
    private static void cancelRoundOne(ProjectStore store, String method, Phase at) throws Exception {
        EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5)).runRound(0, true);
        CancellationToken token = new CancellationToken();
        RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config(method, "tfs", 5))
                .withCancellation(token)
                .withProgress((PhaseProgress) (phase, done, total, message) -> {
                    if (phase == at) token.cancel();
                });
        assertThatThrownBy(() -> engine.runRound(1, true)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aCancelledRoundIsReportedWithItsSpecAndStep() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            assertThat(RoundEngine.unfinishedRound(store)).isEmpty();
            cancelRoundOne(store, "lp", Phase.TRAINING);
            UnfinishedRound u = RoundEngine.unfinishedRound(store).orElseThrow();
            assertThat(u.index()).isEqualTo(1);
            assertThat(u.method()).isEqualTo(Method.LP);
            assertThat(u.strategy()).isEqualTo("tfs");
            assertThat(u.step()).isEqualTo(RoundStatus.TRAINING);
            assertThat(u.stop()).isEqualTo(UnfinishedRound.Stop.CANCELLED);
            assertThat(u.describe()).isEqualTo("cancelled during training (unfinished)");
            assertThat(u.startedAs(EngineFixture.config("lp", "tfs", 5).build())).isTrue();
            assertThat(u.startedAs(EngineFixture.config("zeroshot", "tfs", 5).build())).isFalse();
            assertThat(u.startedAs(EngineFixture.config("lp", "random", 5).build())).isFalse();

            // resumed with its own spec, it finishes and is no longer reported
            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5)).runRound(1, true);
            assertThat(RoundEngine.unfinishedRound(store)).isEmpty();
            assertThat(store.roundTable().byIndex(1).orElseThrow().status()).isEqualTo(RoundStatus.DONE);
        }
    }

    @Test
    void aFailedRoundIsReportedWithTheReason() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5)).runRound(0, true);
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5))
                    .withProgress(new Progress() {
                        @Override
                        public void epoch(int epoch, int epochs, double valAccuracy) {
                            throw new IllegalStateException("the disk is full");
                        }
                    });
            assertThatThrownBy(() -> engine.runRound(1, true)).hasMessageContaining("the disk is full");
            UnfinishedRound u = RoundEngine.unfinishedRound(store).orElseThrow();
            assertThat(u.stop()).isEqualTo(UnfinishedRound.Stop.FAILED);
            assertThat(u.describe()).isEqualTo("failed during training: the disk is full (unfinished)");
        }
    }

    @Test
    void discardingRemovesTheRoundsTrainingStateButNoLabel() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            cancelRoundOne(store, "lp", Phase.SELECTING); // trained: metrics, predictions and pool file exist
            assertThat(store.roundTable().byIndex(1).orElseThrow().status()).isEqualTo(RoundStatus.SELECTING);
            assertThat(store.roundTable().metrics(1)).isNotEmpty();
            Path poolFile = PoolProbabilities.file(store.dir(), 1);
            assertThat(poolFile).exists();
            Map<Long, LabelState> labels = store.labelLog().current();
            long events = store.labelLog().eventCount();
            assertThat(labels).hasSize(2 * C);

            RoundEngine.discardUnfinished(store, 1);

            assertThat(RoundEngine.unfinishedRound(store)).isEmpty();
            assertThat(store.roundTable().all()).hasSize(1);
            assertThat(store.roundTable().metrics(1)).isEmpty();
            assertThat(store.predictionTable().byRound(1, Split.POOL)).isEmpty();
            assertThat(poolFile.getParent()).doesNotExist();
            assertThat(store.labelLog().current()).isEqualTo(labels);
            assertThat(store.labelLog().eventCount()).isEqualTo(events);
            assertThat(store.database().integrityCheck()).isEqualTo("ok");

            // the chosen method now starts round 1 afresh
            EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", "random", 5)).runRound(1, true);
            assertThat(store.roundTable().byIndex(1).orElseThrow().method()).isEqualTo("zeroshot");
        }
    }

    @Test
    void onlyARoundStoppedBeforeItsPicksCanBeDiscardedAndNeverOneHoldingLabels() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            // round 0's simulated cold start writes labels, then training is cancelled
            CancellationToken token = new CancellationToken();
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5))
                    .withCancellation(token)
                    .withProgress((PhaseProgress) (phase, done, total, message) -> {
                        if (phase == Phase.TRAINING) token.cancel();
                    });
            assertThatThrownBy(() -> engine.runRound(0, true)).isInstanceOf(CancellationException.class);
            Map<Long, LabelState> labels = store.labelLog().current();
            assertThat(labels).hasSize(C);
            assertThatThrownBy(() -> RoundEngine.discardUnfinished(store, 0))
                    .hasMessageContaining("round 0").hasMessageContaining("labels");
            assertThat(store.labelLog().current()).isEqualTo(labels);
            assertThat(store.roundTable().all()).hasSize(1);

            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5)).runRound(0, true);
            assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.DONE);
            assertThatThrownBy(() -> RoundEngine.discardUnfinished(store, 0)).hasMessageContaining("done");
            assertThatThrownBy(() -> RoundEngine.discardUnfinished(store, 7)).hasMessageContaining("no round 7");
        }
    }

    @Test
    void theSessionReportsAndDiscardsLikeTheEngine() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp);
             Project session = Project.on(store).build()) {
            cancelRoundOne(store, "lp", Phase.TRAINING);
            assertThat(session.unfinishedRound()).map(UnfinishedRound::index).contains(1);
            session.discardUnfinishedRound(1);
            assertThat(session.unfinishedRound()).isEmpty();
            assertThat(Files.exists(store.dir())).isTrue();
        }
    }
}
