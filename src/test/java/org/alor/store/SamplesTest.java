package org.alor.store;

import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesTest {
    @TempDir
    Path tmp;

    @Test
    void batchInsertReturnsIdsInOrderAndSamplesReadBack() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.replaceClasses(TestProjects.threeClasses());
            List<SampleRecord> recs = List.of(
                    TestProjects.sample("p/a.jpg", Split.POOL, null),
                    TestProjects.sample("p/b.jpg", Split.POOL, 1),
                    TestProjects.sample("v/c.jpg", Split.VAL, 2));
            List<Long> ids = store.insertSamples(recs);
            assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
            List<StoredSample> pool = store.samples(Split.POOL);
            assertThat(pool).extracting(StoredSample::record).containsExactly(recs.get(0), recs.get(1));
            assertThat(pool).extracting(StoredSample::id).containsExactly(ids.get(0), ids.get(1));
            assertThat(store.sample(ids.get(2))).get().extracting(StoredSample::record).isEqualTo(recs.get(2));
            assertThat(store.sampleByPath(Split.VAL, "v/c.jpg")).get().extracting(StoredSample::id).isEqualTo(ids.get(2));
            assertThat(store.sampleByPath(Split.POOL, "v/c.jpg")).isEmpty();
            assertThat(store.sample(999)).isEmpty();
        }
    }

    @Test
    void countsBySplitAndTrueLabel() {
        try (ProjectStore store = TestProjects.withPool(tmp, 7)) {
            store.addSample(TestProjects.sample("t/1.jpg", Split.TEST, 0));
            assertThat(store.countsBySplit()).isEqualTo(Map.of(Split.POOL, 7, Split.VAL, 0, Split.TEST, 1, Split.RETRIEVED, 0));
            assertThat(store.trueLabelCounts(Split.POOL)).containsExactly(Map.entry(0, 3), Map.entry(1, 2), Map.entry(2, 2));
            long id = store.samples(Split.TEST).get(0).id();
            store.setTrueLabel(id, 2);
            assertThat(store.trueLabelCounts(Split.TEST)).containsExactly(Map.entry(2, 1));
            store.setTrueLabel(id, null);
            assertThat(store.trueLabelCounts(Split.TEST)).isEmpty();
        }
    }

    @Test
    void aTaskPathIsOneSampleInOneSplitButRetrievedPathsAreTheirOwnNamespace() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.addSample(TestProjects.sample("img/1.jpg", Split.POOL, null));
            assertThatThrownBy(() -> store.addSample(TestProjects.sample("img/1.jpg", Split.TEST, null)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("img/1.jpg").hasMessageContaining("already exists");
            store.addRetrieved(TestProjects.sample("img/1.jpg", Split.RETRIEVED, null), "{\"url\":\"http://x\"}");
            assertThatThrownBy(() -> store.addRetrieved(TestProjects.sample("img/1.jpg", Split.RETRIEVED, null), "{}"))
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void provenanceIsStoredForRetrievedSamplesOnly() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.replaceClasses(TestProjects.threeClasses());
            String prov = "{\"corpus\":\"laion400m\",\"shard\":\"00012\",\"key\":\"000120034\",\"url\":\"http://e/x.jpg\","
                    + "\"synonym\":\"barred owl\",\"score\":0.31}";
            List<Long> ids = store.insertRetrieved(List.of(TestProjects.sample("retrieval/0/a.jpg", Split.RETRIEVED, 0)),
                    List.of(prov));
            assertThat(store.sample(ids.get(0)).orElseThrow().provenanceJson()).isEqualTo(prov);
            assertThatThrownBy(() -> store.addRetrieved(TestProjects.sample("p.jpg", Split.POOL, 0), "{}"))
                    .hasMessageContaining("only retrieved samples carry provenance");
            assertThatThrownBy(() -> store.addRetrieved(TestProjects.sample("r.jpg", Split.RETRIEVED, 0), "not json"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("r.jpg");
            assertThatThrownBy(() -> store.insertRetrieved(List.of(TestProjects.sample("r.jpg", Split.RETRIEVED, 0)), List.of()))
                    .hasMessageContaining("one provenance JSON");
        }
    }

    @Test
    void aFailingRowRollsBackTheWholeBatch() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.replaceClasses(TestProjects.threeClasses());
            List<SampleRecord> recs = List.of(
                    TestProjects.sample("a.jpg", Split.POOL, 0),
                    TestProjects.sample("b.jpg", Split.POOL, 7), // unknown class
                    TestProjects.sample("c.jpg", Split.POOL, 1));
            assertThatThrownBy(() -> store.insertSamples(recs))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("b.jpg").hasMessageContaining("not a known class");
            assertThat(store.countsBySplit().get(Split.POOL)).isZero();
        }
    }

    @Test
    void aLargeBatchGoesInOneTransaction() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            List<SampleRecord> recs = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) recs.add(TestProjects.sample("p/" + i + ".jpg", Split.POOL, null));
            List<Long> ids = store.insertSamples(recs);
            assertThat(ids).hasSize(20_000).doesNotHaveDuplicates();
            assertThat(store.countsBySplit().get(Split.POOL)).isEqualTo(20_000);
        }
    }
}
