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
            store.classTable().replace(TestProjects.threeClasses());
            List<SampleRecord> recs = List.of(
                    TestProjects.sample("p/a.jpg", Split.POOL, null),
                    TestProjects.sample("p/b.jpg", Split.POOL, 1),
                    TestProjects.sample("v/c.jpg", Split.VAL, 2));
            List<Long> ids = store.sampleTable().insert(recs);
            assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
            List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
            assertThat(pool).extracting(StoredSample::record).containsExactly(recs.get(0), recs.get(1));
            assertThat(pool).extracting(StoredSample::id).containsExactly(ids.get(0), ids.get(1));
            assertThat(store.sampleTable().byId(ids.get(2))).get().extracting(StoredSample::record).isEqualTo(recs.get(2));
            assertThat(store.sampleTable().byPath(Split.VAL, "v/c.jpg")).get().extracting(StoredSample::id).isEqualTo(ids.get(2));
            assertThat(store.sampleTable().byPath(Split.POOL, "v/c.jpg")).isEmpty();
            assertThat(store.sampleTable().byId(999)).isEmpty();
        }
    }

    @Test
    void countsBySplitAndTrueLabel() {
        try (ProjectStore store = TestProjects.withPool(tmp, 7)) {
            store.sampleTable().add(TestProjects.sample("t/1.jpg", Split.TEST, 0));
            assertThat(store.sampleTable().countsBySplit()).isEqualTo(Map.of(Split.POOL, 7, Split.VAL, 0, Split.TEST, 1, Split.RETRIEVED, 0));
            assertThat(store.sampleTable().trueLabelCounts(Split.POOL)).containsExactly(Map.entry(0, 3), Map.entry(1, 2), Map.entry(2, 2));
            long id = store.sampleTable().bySplit(Split.TEST).get(0).id();
            store.sampleTable().setTrueLabel(id, 2);
            assertThat(store.sampleTable().trueLabelCounts(Split.TEST)).containsExactly(Map.entry(2, 1));
            store.sampleTable().setTrueLabel(id, null);
            assertThat(store.sampleTable().trueLabelCounts(Split.TEST)).isEmpty();
        }
    }

    @Test
    void aTaskPathIsOneSampleInOneSplitButRetrievedPathsAreTheirOwnNamespace() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.sampleTable().add(TestProjects.sample("img/1.jpg", Split.POOL, null));
            assertThatThrownBy(() -> store.sampleTable().add(TestProjects.sample("img/1.jpg", Split.TEST, null)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("img/1.jpg").hasMessageContaining("already exists");
            store.sampleTable().addRetrieved(TestProjects.sample("img/1.jpg", Split.RETRIEVED, null), "{\"url\":\"http://x\"}");
            assertThatThrownBy(() -> store.sampleTable().addRetrieved(TestProjects.sample("img/1.jpg", Split.RETRIEVED, null), "{}"))
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void provenanceIsStoredForRetrievedSamplesOnly() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            String prov = "{\"corpus\":\"laion400m\",\"shard\":\"00012\",\"key\":\"000120034\",\"url\":\"http://e/x.jpg\","
                    + "\"synonym\":\"barred owl\",\"score\":0.31}";
            List<Long> ids = store.sampleTable().insertRetrieved(List.of(TestProjects.sample("retrieval/0/a.jpg", Split.RETRIEVED, 0)),
                    List.of(prov));
            assertThat(store.sampleTable().byId(ids.get(0)).orElseThrow().provenanceJson()).isEqualTo(prov);
            assertThatThrownBy(() -> store.sampleTable().addRetrieved(TestProjects.sample("p.jpg", Split.POOL, 0), "{}"))
                    .hasMessageContaining("only retrieved samples carry provenance");
            assertThatThrownBy(() -> store.sampleTable().addRetrieved(TestProjects.sample("r.jpg", Split.RETRIEVED, 0), "not json"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("r.jpg");
            assertThatThrownBy(() -> store.sampleTable().insertRetrieved(List.of(TestProjects.sample("r.jpg", Split.RETRIEVED, 0)), List.of()))
                    .hasMessageContaining("one provenance JSON");
        }
    }

    @Test
    void aFailingRowRollsBackTheWholeBatch() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            List<SampleRecord> recs = List.of(
                    TestProjects.sample("a.jpg", Split.POOL, 0),
                    TestProjects.sample("b.jpg", Split.POOL, 7), // unknown class
                    TestProjects.sample("c.jpg", Split.POOL, 1));
            assertThatThrownBy(() -> store.sampleTable().insert(recs))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("b.jpg").hasMessageContaining("not a known class");
            assertThat(store.sampleTable().countsBySplit().get(Split.POOL)).isZero();
        }
    }

    @Test
    void aLargeBatchGoesInOneTransaction() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            List<SampleRecord> recs = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) recs.add(TestProjects.sample("p/" + i + ".jpg", Split.POOL, null));
            List<Long> ids = store.sampleTable().insert(recs);
            assertThat(ids).hasSize(20_000).doesNotHaveDuplicates();
            assertThat(store.sampleTable().countsBySplit().get(Split.POOL)).isEqualTo(20_000);
        }
    }
}
