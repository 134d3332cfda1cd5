package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundsTest {
    @TempDir
    Path tmp;

    @Test
    void roundStatusRecordsStartAndFinishTimes() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.roundTable().insert(RoundRecord.planned(0, "CT", "TFS", 666, 200));
            RoundRecord r = store.roundTable().byIndex(0).orElseThrow();
            assertThat(r.status()).isEqualTo(RoundStatus.PLANNED);
            assertThat(r.startedAt()).isNull();
            assertThat(r.finishedAt()).isNull();

            store.roundTable().updateStatus(0, RoundStatus.TRAINING);
            RoundRecord training = store.roundTable().byIndex(0).orElseThrow();
            assertThat(training.startedAt()).isNotNull();
            store.roundTable().updateStatus(0, RoundStatus.SELECTING);
            assertThat(store.roundTable().byIndex(0).orElseThrow().startedAt()).isEqualTo(training.startedAt());
            store.roundTable().updateStatus(0, RoundStatus.DONE);
            RoundRecord done = store.roundTable().byIndex(0).orElseThrow();
            assertThat(done.finishedAt()).isNotNull().isAfterOrEqualTo(done.startedAt());
            assertThat(done).extracting(RoundRecord::method, RoundRecord::strategy, RoundRecord::seed, RoundRecord::budget)
                    .containsExactly("CT", "TFS", 666L, 200);

            store.roundTable().setSummary(0, "{\"epochs\":50}");
            assertThat(store.roundTable().byIndex(0).orElseThrow().summaryJson()).isEqualTo("{\"epochs\":50}");
            store.roundTable().insert(RoundRecord.planned(1, "CT", "TFS", 666, 200));
            assertThat(store.roundTable().all()).extracting(RoundRecord::index).containsExactly(0, 1);
        }
    }

    @Test
    void roundErrorsAreClear() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.roundTable().insert(RoundRecord.planned(0, "CT", "TFS", 1, 2));
            assertThatThrownBy(() -> store.roundTable().insert(RoundRecord.planned(0, "LP", "Random", 1, 2)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("round 0 already exists");
            assertThatThrownBy(() -> store.roundTable().updateStatus(3, RoundStatus.DONE)).hasMessageContaining("no round 3");
            assertThatThrownBy(() -> store.roundTable().setSummary(0, "{broken")).isInstanceOf(StoreException.class);
            assertThat(store.roundTable().byIndex(5)).isEmpty();
        }
    }

    @Test
    void selectionsAreSavedInRankOrderAndReplacedAsAWhole() {
        try (ProjectStore store = TestProjects.withPool(tmp, 4)) {
            store.roundTable().insert(RoundRecord.planned(1, "CT", "TFS", 666, 3));
            List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
            List<Selection> picks = List.of(
                    new Selection(pool.get(2).id(), 0, 1, 0.9, "rarest class 1"),
                    new Selection(pool.get(0).id(), 1, null, null, null));
            store.roundTable().saveSelections(1, picks);
            assertThat(store.roundTable().selections(1)).containsExactlyElementsOf(picks);

            List<Selection> redo = List.of(new Selection(pool.get(3).id(), 0, 2, 0.5, "again"));
            store.roundTable().saveSelections(1, redo);
            assertThat(store.roundTable().selections(1)).containsExactlyElementsOf(redo);

            // the same sample twice in one round is refused and the previous selection stays
            assertThatThrownBy(() -> store.roundTable().saveSelections(1, List.of(
                    new Selection(pool.get(0).id(), 0, null, null, null),
                    new Selection(pool.get(0).id(), 1, null, null, null)))).isInstanceOf(StoreException.class);
            assertThat(store.roundTable().selections(1)).containsExactlyElementsOf(redo);
            assertThatThrownBy(() -> store.roundTable().saveSelections(7, redo)).hasMessageContaining("no round 7");
        }
    }

    @Test
    void metricsPerSplitAndClassAreReplacedPerSplit() {
        try (ProjectStore store = TestProjects.withPool(tmp, 1)) {
            store.roundTable().insert(RoundRecord.planned(0, "CT", "TFS", 666, 3));
            store.roundTable().insert(RoundRecord.planned(1, "CT", "TFS", 666, 3));
            List<MetricRow> r0 = List.of(
                    MetricRow.overall(Split.TEST, 0.5, 0.4, 10, 5),
                    MetricRow.perClass(Split.TEST, 0, 4, 3),
                    MetricRow.perClass(Split.TEST, 1, 6, 2),
                    MetricRow.overall(Split.VAL, 0.6, null, 5, 3));
            store.roundTable().saveMetrics(0, r0);
            assertThat(store.roundTable().metrics(0)).containsExactlyInAnyOrderElementsOf(r0);
            assertThat(store.roundTable().metrics(0).get(0).classId()).isNull();
            assertThat(store.roundTable().metrics(0).get(2).accuracy()).isEqualTo(0.75);

            store.roundTable().saveMetrics(0, List.of(MetricRow.overall(Split.TEST, 0.7, 0.65, 10, 7)));
            assertThat(store.roundTable().metrics(0)).containsExactlyInAnyOrder(
                    MetricRow.overall(Split.TEST, 0.7, 0.65, 10, 7), MetricRow.overall(Split.VAL, 0.6, null, 5, 3));
            store.roundTable().saveMetrics(1, List.of(MetricRow.overall(Split.TEST, 0.8, 0.75, 10, 8)));
            assertThat(store.roundTable().overallMetrics(Split.TEST)).containsOnlyKeys(0, 1);
            assertThat(store.roundTable().overallMetrics(Split.TEST).get(1).accuracy()).isEqualTo(0.8);

            assertThatThrownBy(() -> store.roundTable().saveMetrics(1, List.of(
                    MetricRow.overall(Split.TEST, 0.1, null, 1, 0), MetricRow.overall(Split.TEST, 0.2, null, 1, 0))))
                    .as("one overall row per round and split").isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.roundTable().saveMetrics(1, List.of(MetricRow.overall(Split.TEST, 81.0, null, 10, 8))))
                    .as("accuracy is a fraction").isInstanceOf(StoreException.class);
            assertThat(store.roundTable().overallMetrics(Split.TEST).get(1).accuracy()).isEqualTo(0.8);
        }
    }
}
