package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictionsTest {
    @TempDir
    Path tmp;

    @Test
    void predictionsRoundTripPerRoundAndSplitAndAreReplacedAsAWhole() {
        try (ProjectStore store = TestProjects.withPool(tmp, 4)) {
            store.roundTable().insert(RoundRecord.planned(0, "lp", "tfs", 1, 3));
            List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
            Prediction a = new Prediction(pool.get(0).id(), Split.POOL, 2, 0.7f, 0.8f, new int[]{2, 0, 1}, new float[]{0.7f, 0.2f, 0.1f});
            Prediction b = new Prediction(pool.get(1).id(), Split.POOL, 0, 0.5f, 1.0f, new int[]{0, 1, 2}, new float[]{0.5f, 0.3f, 0.2f});
            store.predictionTable().replace(0, List.of(b, a));
            List<Prediction> got = store.predictionTable().byRound(0, Split.POOL);
            assertThat(got).hasSize(2);
            assertThat(got.get(0).sampleId()).isEqualTo(a.sampleId());
            assertThat(got.get(0).topClasses()).containsExactly(2, 0, 1);
            assertThat(got.get(0).topProbs()).containsExactly(0.7f, 0.2f, 0.1f);
            assertThat(got.get(0).confidence()).isEqualTo(0.7f);
            assertThat(store.predictionTable().byRound(0, Split.TEST)).isEmpty();
            assertThat(store.predictionTable().one(0, b.sampleId()).orElseThrow().entropy()).isEqualTo(1.0f);

            store.predictionTable().replace(0, List.of(a));
            assertThat(store.predictionTable().byRound(0, Split.POOL)).hasSize(1);
            assertThatThrownBy(() -> store.predictionTable().replace(5, List.of(a))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("missing round");
        }
    }

    @Test
    void aCopyOfTheDatabaseIsAnIndependentProject() {
        Path copy = tmp.resolve("copy");
        try (ProjectStore store = TestProjects.withPool(tmp.resolve("src"), 3)) {
            store.copyDatabaseTo(copy);
            assertThatThrownBy(() -> store.copyDatabaseTo(copy)).hasMessageContaining("already exists");
            store.labelLog().label(store.sampleTable().bySplit(Split.POOL).get(0).id(), 1, "ann", null);
        }
        assertThat(Files.exists(copy.resolve("project.alor.copying"))).isFalse();
        try (ProjectStore c = ProjectStore.open(copy)) {
            assertThat(c.sampleTable().bySplit(Split.POOL)).hasSize(3);
            assertThat(c.labelLog().eventCount()).isZero();
            assertThat(c.database().integrityCheck()).isEqualTo("ok");
        }
    }
}
