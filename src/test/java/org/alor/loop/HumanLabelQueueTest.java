package org.alor.loop;

import org.alor.store.LabelKind;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanLabelQueueTest {
    private static final int C = SyntheticWorld.CLASSES;

    @TempDir
    Path tmp;

    private static int trueLabel(ProjectStore store, long id) {
        return store.sampleTable().byId(id).orElseThrow().trueLabel();
    }

    @Test
    void aPersonConfirmsTheColdStartAndLabelsThePicksThroughTheQueue() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            HumanLabelQueue queue = new HumanLabelQueue();
            RoundEngine engine = EngineFixture.engine(store,
                    EngineFixture.config("zeroshot", "tfs", 9).withRound0(Round0Mode.ASSISTED), queue);
            CompletableFuture<List<RoundResult>> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.runThrough(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            // Cold start: one request per class, each served for its class, with the zero-shot top-5.
            Set<Integer> served = new HashSet<>();
            for (int i = 0; i < C; i++) {
                LabelRequest r = queue.next(10, TimeUnit.SECONDS).orElseThrow();
                assertThat(queue.round()).isZero();
                served.add(r.servedClass());
                assertThat(r.prediction().topClasses()).hasSize(5);
                assertThat(r.reason()).startsWith("cold start");
                if (i == 0) queue.skip(r.sampleId(), "ann");
                else queue.answer(r.sampleId(), trueLabel(store, r.sampleId()), "ann");
            }
            assertThat(served).hasSize(C);
            // Round 0's picks.
            for (int i = 0; i < C; i++) {
                LabelRequest r = queue.next(30, TimeUnit.SECONDS).orElseThrow();
                assertThat(r.rank()).isEqualTo(i);
                queue.answer(r.sampleId(), trueLabel(store, r.sampleId()), "ann");
            }
            List<RoundResult> results = run.get(60, TimeUnit.SECONDS);
            assertThat(results).extracting(RoundResult::labeled).containsExactly(C - 1, 2 * C - 1);
            assertThat(store.labelLog().current().values().stream().filter(s -> s.kind() == LabelKind.SKIP)).hasSize(1);
            assertThat(store.labelLog().current().values()).allMatch(s -> s.who().equals("ann"));
        }
    }

    @Test
    void cancellingWhileWaitingKeepsTheGivenLabelsAndResumesWithTheRest() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            HumanLabelQueue queue = new HumanLabelQueue();
            CancellationToken token = new CancellationToken();
            RoundEngine engine = EngineFixture.engine(store, EngineFixture.config("zeroshot", "random", 9), queue)
                    .withCancellation(token);
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    engine.runThrough(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            LabelRequest first = queue.next(30, TimeUnit.SECONDS).orElseThrow();
            queue.answer(first.sampleId(), trueLabel(store, first.sampleId()), "ann");
            token.cancel();
            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
            assertThat(queue.isWaiting()).isFalse();
            assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.LABELING);
            assertThat(store.database().integrityCheck()).isEqualTo("ok");

            // A new engine asks only for the remaining picks.
            CompletableFuture<List<RoundResult>> resumed = CompletableFuture.supplyAsync(() -> {
                try {
                    return EngineFixture.engine(store, EngineFixture.config("zeroshot", "random", 9), queue).runThrough(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 1; i < C; i++) {
                LabelRequest r = queue.next(30, TimeUnit.SECONDS).orElseThrow();
                assertThat(r.sampleId()).isNotEqualTo(first.sampleId());
                queue.answer(r.sampleId(), trueLabel(store, r.sampleId()), "ann");
            }
            assertThat(resumed.get(60, TimeUnit.SECONDS)).extracting(RoundResult::status).containsOnly(RoundStatus.DONE);
            assertThat(store.labelLog().current()).hasSize(2 * C);
        }
    }

    @Test
    void finishingEarlyLeavesUnansweredPicksInThePool() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            HumanLabelQueue queue = new HumanLabelQueue();
            CompletableFuture<RoundResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return EngineFixture.engine(store, EngineFixture.config("zeroshot", "random", 4)
                            .withRound0(Round0Mode.RETRIEVED_ONLY), queue).runRound(0, true);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            LabelRequest r = queue.next(30, TimeUnit.SECONDS).orElseThrow();
            queue.answer(r.sampleId(), trueLabel(store, r.sampleId()), "ann");
            queue.finishEarly();
            RoundResult result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.labeled()).isZero(); // RETRIEVED_ONLY: round 0 trained without task labels
            assertThat(result.status()).isEqualTo(RoundStatus.DONE);
            assertThat(store.labelLog().current()).hasSize(1);
            assertThat(RoundEngine.remainingPool(store)).hasSize(java.util.Arrays.stream(SyntheticWorld.POOL).sum() - 1);
            assertThatThrownBy(() -> queue.answer(r.sampleId(), 0, "ann")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aResumedColdStartAsksOnlyForTheImagesNotConfirmedYet() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            HumanLabelQueue queue = new HumanLabelQueue();
            CancellationToken token = new CancellationToken();
            RunConfig config = EngineFixture.config("zeroshot", "tfs", 9).withRound0(Round0Mode.ASSISTED);
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    EngineFixture.engine(store, config, queue).withCancellation(token).runThrough(0);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            queue.next(30, TimeUnit.SECONDS).orElseThrow();
            List<LabelRequest> all = queue.pending();
            assertThat(all).hasSize(C);
            queue.answer(all.get(0).sampleId(), trueLabel(store, all.get(0).sampleId()), "ann");
            queue.answer(all.get(1).sampleId(), trueLabel(store, all.get(1).sampleId()), "ann");
            token.cancel();
            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            assertThat(store.roundTable().byIndex(0).orElseThrow().status()).isEqualTo(RoundStatus.PLANNED);

            CompletableFuture<List<RoundResult>> resumed = CompletableFuture.supplyAsync(() -> {
                try {
                    return EngineFixture.engine(store, config, queue).runThrough(0);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            queue.next(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(queue.pending()).extracting(LabelRequest::sampleId)
                    .containsExactlyElementsOf(all.subList(2, C).stream().map(LabelRequest::sampleId).toList());
            for (LabelRequest r : all.subList(2, C)) queue.answer(r.sampleId(), trueLabel(store, r.sampleId()), "ann");
            assertThat(resumed.get(60, TimeUnit.SECONDS).get(0).labeled()).isEqualTo(C);
        }
    }
}
