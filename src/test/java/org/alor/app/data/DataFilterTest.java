package org.alor.app.data;

import org.alor.app.SyntheticBirds;
import org.alor.data.Split;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 13: the Data browser's filters, outside JavaFX. */
class DataFilterTest {
    private static DataItem item(long id, Split split, Integer label, Integer predicted, Float confidence) {
        return new DataItem(id, split, "img" + id + ".png", label, predicted, confidence);
    }

    private static final List<DataItem> ITEMS = List.of(
            item(1, Split.POOL, null, 0, 0.9f),
            item(2, Split.POOL, 1, 1, 0.6f),
            item(3, Split.POOL, 2, 0, 0.3f),
            item(4, Split.VAL, 0, 0, 0.95f),
            item(5, Split.VAL, 1, 2, 0.4f),
            item(6, Split.TEST, 2, null, null),
            item(7, Split.RETRIEVED, 1, null, null));

    private static List<Long> ids(DataFilter f) {
        return f.apply(ITEMS).stream().map(DataItem::sampleId).toList();
    }

    @Test
    void eachFilterNarrowsAndTheyCombine() {
        assertThat(ids(DataFilter.ALL)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(ids(DataFilter.ALL.withClassId(1))).containsExactly(2L, 5L, 7L);
        assertThat(ids(DataFilter.ALL.withSplit(Split.POOL))).containsExactly(1L, 2L, 3L);
        assertThat(ids(DataFilter.ALL.withLabeled(DataFilter.Labeled.UNLABELED))).containsExactly(1L);
        assertThat(ids(DataFilter.ALL.withLabeled(DataFilter.Labeled.LABELED).withSplit(Split.POOL))).containsExactly(2L, 3L);
        assertThat(ids(DataFilter.ALL.withPredicted(0))).containsExactly(1L, 3L, 4L);
        assertThat(ids(DataFilter.ALL.withConfidence(0.5, 0.95))).containsExactly(1L, 2L, 4L);
        assertThat(ids(DataFilter.ALL.withDisagreement(true))).containsExactly(3L, 5L);
        assertThat(ids(DataFilter.ALL.withDisagreement(true).withSplit(Split.VAL))).containsExactly(5L);
        assertThat(DataFilter.ALL.withConfidence(0.5, 0.95).isDefault()).isFalse();
        assertThat(DataFilter.ALL.isDefault()).isTrue();
    }

    @Test
    void catalogReadsSplitsHumanLabelsForThePoolAndTheLatestPredictions(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticBirds.project(tmp, 4, 2);
        try (ProjectStore store = ProjectStore.open(dir)) {
            List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
            store.labelLog().label(pool.get(0).id(), 3, "test", 2);
            List<Prediction> preds = new ArrayList<>();
            for (StoredSample s : pool) preds.add(new Prediction(s.id(), Split.POOL, 3, 0.8f, 0.5f, new int[]{3}, new float[]{0.8f}));
            store.predictionTable().replace(1, preds);

            DataCatalog c = DataCatalog.load(store);

            int total = store.sampleTable().countsBySplit().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(c.items()).hasSize(total);
            assertThat(c.predictionRound()).isEqualTo(1);
            DataItem first = c.items().stream().filter(i -> i.sampleId() == pool.get(0).id()).findFirst().orElseThrow();
            assertThat(first.label()).isEqualTo(3);
            assertThat(first.predicted()).isEqualTo(3);
            // an unlabeled pool image does not give its hidden true class away
            DataItem second = c.items().stream().filter(i -> i.sampleId() == pool.get(1).id()).findFirst().orElseThrow();
            assertThat(second.label()).isNull();
            assertThat(second.confidence()).isEqualTo(0.8f);
            assertThat(c.items()).filteredOn(i -> i.split() == Split.VAL).allSatisfy(i -> assertThat(i.label()).isNotNull());
        }
    }
}
