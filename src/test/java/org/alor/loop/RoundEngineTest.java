package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.CancellationToken;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.data.Split;
import org.alor.job.Progress;
import org.alor.store.LabelState;
import org.alor.store.MetricRow;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundEngineTest {
    private static final int C = SyntheticWorld.CLASSES;

    @TempDir
    Path tmp;

    private static Set<Long> roundZeroSet(Path dir, String strategy, long seed) throws InterruptedException {
        try (ProjectStore store = SyntheticWorld.create(dir)) {
            EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", strategy, seed)).runThrough(0);
            return store.labelLog().current().keySet();
        }
    }

    @Test
    void roundZeroLabelsExactlyOneRandomPoolImagePerClassTheSameForEveryStrategy() throws Exception {
        Set<Long> tfs = roundZeroSet(tmp.resolve("tfs"), "tfs", 666);
        Set<Long> random = roundZeroSet(tmp.resolve("random"), "random", 666);
        Set<Long> otherSeed = roundZeroSet(tmp.resolve("seed"), "tfs", 777);
        assertThat(tfs).hasSize(C).isEqualTo(random).isNotEqualTo(otherSeed);
        try (ProjectStore store = ProjectStore.open(tmp.resolve("tfs"))) {
            Map<Long, LabelState> labels = store.labelLog().current();
            Set<Integer> classes = new HashSet<>();
            for (long id : tfs) {
                StoredSample s = store.sampleTable().byId(id).orElseThrow();
                assertThat(s.split()).isEqualTo(Split.POOL);
                assertThat(labels.get(id).classId()).isEqualTo(s.trueLabel());
                assertThat(labels.get(id).who()).isEqualTo(OracleLabeler.WHO);
                assertThat(labels.get(id).round()).isZero();
                classes.add(s.trueLabel());
            }
            assertThat(classes).hasSize(C);
            assertThat(store.roundTable().selections(0)).isEmpty(); // the final round only trains and evaluates
        }
    }

    @Test
    void eachRoundPersistsMetricsPredictionsSummarySelectionsAndLabels() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            List<RoundResult> results = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 666)).runThrough(2);
            assertThat(results).extracting(RoundResult::status).containsOnly(RoundStatus.DONE);
            assertThat(results).extracting(RoundResult::labeled).containsExactly(C, 2 * C, 3 * C);
            assertThat(results).extracting(RoundResult::retrieved).containsOnly(115);
            for (int r = 0; r <= 2; r++) {
                List<MetricRow> rows = store.roundTable().metrics(r);
                MetricRow test = EngineFixture.testAccuracy(store, r);
                assertThat(test.support()).isEqualTo(C * SyntheticWorld.TEST);
                assertThat(test.accuracy()).isBetween(0.0, 1.0).isEqualTo((double) test.correct() / test.support());
                assertThat(test.macroF1()).isNotNull();
                assertThat(rows.stream().filter(m -> m.classId() != null && m.split() == Split.TEST)).hasSize(C);
                assertThat(rows.stream().filter(m -> m.classId() == null).map(MetricRow::split))
                        .containsExactlyInAnyOrder(Split.VAL, Split.TEST);
                int perClassCorrect = rows.stream().filter(m -> m.classId() != null && m.split() == Split.TEST)
                        .mapToInt(MetricRow::correct).sum();
                assertThat(perClassCorrect).isEqualTo(test.correct());

                JsonObject summary = JsonParser.parseString(store.roundTable().byIndex(r).orElseThrow().summaryJson())
                        .getAsJsonObject();
                int confusionTotal = 0;
                for (var cell : summary.getAsJsonObject("test").getAsJsonArray("confusion")) {
                    confusionTotal += cell.getAsJsonArray().get(2).getAsInt();
                }
                assertThat(confusionTotal).isEqualTo(C * SyntheticWorld.TEST);
                List<int[]> cells = RoundSummary.confusion(store.roundTable().byIndex(r).orElseThrow(), Split.TEST);
                assertThat(cells.stream().filter(cell -> cell[0] == cell[1]).mapToInt(cell -> cell[2]).sum()).isEqualTo(test.correct());
                assertThat(summary.getAsJsonObject("model").get("method").getAsString()).isEqualTo("lp");

                List<Prediction> pool = store.predictionTable().byRound(r, Split.POOL);
                int poolSize = java.util.Arrays.stream(SyntheticWorld.POOL).sum();
                assertThat(pool).hasSize(poolSize - (r + 1) * C);
                for (Prediction p : pool) {
                    assertThat(p.topClasses()).hasSize(5).doesNotHaveDuplicates();
                    assertThat(p.topClasses()[0]).isEqualTo(p.predicted());
                    assertThat(p.topProbs()[0]).isEqualTo(p.confidence()).isGreaterThanOrEqualTo(p.topProbs()[1]);
                    assertThat(p.entropy()).isBetween(0f, (float) Math.log(C) + 1e-4f);
                }
                assertThat(store.predictionTable().byRound(r, Split.TEST)).hasSize(C * SyntheticWorld.TEST);
            }
            for (int r = 0; r < 2; r++) {
                List<Selection> picks = store.roundTable().selections(r);
                assertThat(picks).hasSize(C);
                for (Selection s : picks) {
                    assertThat(s.reason()).startsWith("tail class");
                    assertThat(s.pickedForClass()).isNotNull();
                    assertThat(store.labelLog().current(s.sampleId()).orElseThrow().round()).isEqualTo(r);
                }
            }
            assertThat(store.roundTable().selections(2)).isEmpty();
            assertThat(store.roundTable().byIndex(2).orElseThrow().budget()).isZero();
        }
    }

    @Test
    void linearProbingWithRetrievedDataBeatsZeroShotAtRoundZero() throws Exception {
        double zs;
        double lp;
        try (ProjectStore store = SyntheticWorld.create(tmp.resolve("zs"))) {
            zs = EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", "tfs", 666)).runThrough(0).get(0).test().accuracy();
        }
        try (ProjectStore store = SyntheticWorld.create(tmp.resolve("lp"))) {
            lp = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 666).optEpochs(30)).runThrough(0).get(0).test().accuracy();
        }
        assertThat(lp).isGreaterThan(zs);
    }

    @Test
    void rdaOffTrainsOnLabeledImagesOnly() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            RoundResult r0 = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "random", 1).optRda(false))
                    .runThrough(0).get(0);
            assertThat(r0.retrieved()).isZero();
            assertThat(r0.labeled()).isEqualTo(C);
        }
    }

    @Test
    void cancellingDuringTrainingLeavesTheProjectConsistentAndResumable() throws Exception {
        Path cancelled = tmp.resolve("cancelled");
        Path reference = tmp.resolve("reference");
        try (ProjectStore store = SyntheticWorld.create(cancelled)) {
            CancellationToken token = new CancellationToken();
            int[] round = {-1};
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5))
                    .withCancellation(token)
                    .withProgress(new Progress() {
                        @Override
                        public void phase(Phase phase, long done, long total, String message) {
                            if (phase == Phase.ROUND) round[0] = (int) done;
                        }

                        @Override
                        public void epoch(int epoch, int epochs, double valAccuracy) {
                            if (round[0] == 1 && epoch == 3) token.cancel();
                        }
                    });
            assertThatThrownBy(() -> engine.runThrough(2)).isInstanceOf(CancellationException.class);
            assertThat(store.roundTable().byIndex(1).orElseThrow().status()).isEqualTo(RoundStatus.TRAINING);
            assertThat(store.roundTable().metrics(1)).isEmpty();
            assertThat(store.predictionTable().byRound(1, Split.POOL)).isEmpty();
            assertThat(store.labelLog().current()).hasSize(2 * C);
            assertThat(store.database().integrityCheck()).isEqualTo("ok");

            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 5)).runThrough(2);
            try (ProjectStore ref = SyntheticWorld.create(reference)) {
                EngineFixture.oracleEngine(ref, EngineFixture.config("lp", "tfs", 5)).runThrough(2);
                assertThat(EngineFixture.state(store)).isEqualTo(EngineFixture.state(ref));
            }
        }
    }

    @Test
    void aRoundCannotBeContinuedWithAnotherStrategy() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            CancellationToken token = new CancellationToken();
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", "tfs", 5))
                    .withCancellation(token)
                    .withProgress((PhaseProgress) (phase, done, total, message) -> {
                        if (message.equals("selection saved")) token.cancel();
                    });
            assertThatThrownBy(() -> engine.runThrough(1)).isInstanceOf(CancellationException.class);
            assertThatThrownBy(() -> EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", "random", 5)).runThrough(1))
                    .hasMessageContaining("round 0 was run with zeroshot/tfs");
        }
    }

    @Test
    void runNextRoundContinuesRoundByRound() throws Exception {
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("zeroshot", "random", 3));
            assertThat(engine.runNextRound().round()).isZero();
            RoundResult r1 = engine.runNextRound();
            assertThat(r1.round()).isEqualTo(1);
            assertThat(r1.selections()).hasSize(C);
            assertThat(store.labelLog().current()).hasSize(3 * C);
            Set<Long> picked = r1.selections().stream().map(Selection::sampleId).collect(Collectors.toSet());
            Set<Long> earlier = store.roundTable().selections(0).stream().map(Selection::sampleId)
                    .collect(Collectors.toSet());
            assertThat(picked).doesNotContainAnyElementsOf(earlier);
        }
    }

    @Test
    void theStrategySeesTheRoundsModelTrainingCountsAndNormalisedFeatures() throws Exception {
        org.alor.select.SelectionInput[] seen = new org.alor.select.SelectionInput[1];
        org.alor.select.SelectionStrategy random = org.alor.select.Strategies.byName("random");
        org.alor.select.SelectionStrategy capture = new org.alor.select.SelectionStrategy() {
            @Override
            public String name() {
                return "capture";
            }

            @Override
            public org.alor.select.Selection select(org.alor.select.SelectionInput in) {
                seen[0] = in;
                return random.select(in);
            }
        };
        try (ProjectStore store = SyntheticWorld.create(tmp)) {
            EngineFixture.oracleEngine(store, EngineFixture.config("lp", "random", 4)).withStrategy(capture).runThrough(1);
        }
        org.alor.select.SelectionInput in = seen[0];
        int pool = java.util.Arrays.stream(SyntheticWorld.POOL).sum() - C;
        assertThat(in.probabilities()).hasNumberOfRows(pool);
        assertThat(in.poolFeatures()).hasNumberOfRows(pool);
        assertThat(org.alor.adapt.Vectors.dot(in.poolFeatures()[0], in.poolFeatures()[0])).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(java.util.Arrays.stream(in.classCounts()).sum()).isEqualTo(115 + C).isEqualTo(in.labeledClasses().length);
        assertThat(in.classCounts()[5]).isEqualTo(1); // class 5 has no retrieved images, only its round-0 label
        assertThat(in.classifierWeights()).hasNumberOfRows(C);
        assertThat(in.classifierWeights()[0]).hasSize(SyntheticWorld.DIM);
        assertThat(in.logitScale()).isEqualTo(100f);
        assertThat(in.budget()).isEqualTo(C);
        assertThat(in.seed()).isEqualTo(4);
        assertThat(in.round()).isZero();
    }
}
