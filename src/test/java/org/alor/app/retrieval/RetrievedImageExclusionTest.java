package org.alor.app.retrieval;

import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrievedImageExclusionTest {
    @Test
    void excludingRemembersTheItemAndRemovesItsRowAndFile(@TempDir Path tmp) throws Exception {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"))) {
            store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
            Path file = store.dir().resolve("retrieval/images/0000/s0__k1.png");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{1, 2, 3});
            store.sampleTable().insertRetrieved(List.of(
                            new SampleRecord("retrieval/images/0000/s0__k1.png", Split.RETRIEVED, 0, 10, 10, "h1"),
                            new SampleRecord("retrieval/images/0001/s0__k2.png", Split.RETRIEVED, 1, 10, 10, "h2")),
                    List.of("{\"corpus\":\"c\",\"shard\":\"s0\",\"key\":\"k1\",\"class\":0}",
                            "{\"corpus\":\"c\",\"shard\":\"s0\",\"key\":\"k2\",\"class\":1}"));
            StoredSample first = store.sampleTable().bySplit(Split.RETRIEVED).get(0);

            RetrievedImageExclusion.exclude(store, first);

            assertThat(store.sampleTable().bySplit(Split.RETRIEVED)).extracting(StoredSample::path).containsExactly("retrieval/images/0001/s0__k2.png");
            assertThat(RetrievedExclusions.all(store)).containsExactly("0\ts0\tk1");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void safeContentHidesRetrievedImagesUnlessTheProjectAllowsThem(@TempDir Path tmp) {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"))) {
            assertThat(RetrievedImageExclusion.showRetrievedImages(store, false)).isTrue();
            assertThat(RetrievedImageExclusion.showRetrievedImages(store, true)).isFalse();
            store.settings().set(RetrievedImageExclusion.SHOW_RETRIEVED_IMAGES, true);
            assertThat(RetrievedImageExclusion.showRetrievedImages(store, true)).isTrue();
        }
    }

    @Test
    void onlyRetrievedImagesWithProvenanceCanBeExcluded(@TempDir Path tmp) {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"))) {
            StoredSample pool = new StoredSample(1, "a.png", Split.POOL, 0, 1, 1, "h", null);
            assertThatThrownBy(() -> RetrievedImageExclusion.exclude(store, pool)).hasMessageContaining("not a retrieved image");
        }
    }

    @Test
    void excludedImagesAreListedSurviveReopenAndCanBeIncludedAgain(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("p");
        Path file = dir.resolve("retrieval/images/0000/s0__k1.png");
        try (ProjectStore store = ProjectStore.create(dir)) {
            store.classTable().replace(List.of(ClassInfo.named(0, "Sialia sialis"), ClassInfo.named(1, "Turdus migratorius")));
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[]{1, 2, 3});
            store.sampleTable().insertRetrieved(List.of(
                            new SampleRecord("retrieval/images/0000/s0__k1.png", Split.RETRIEVED, 0, 10, 10, "h1"),
                            new SampleRecord("retrieval/images/0001/s0__k2.png", Split.RETRIEVED, 1, 10, 10, "h2")),
                    List.of("{\"corpus\":\"c\",\"shard\":\"s0\",\"key\":\"k1\",\"class\":0,\"score\":0.4}",
                            "{\"corpus\":\"c\",\"shard\":\"s0\",\"key\":\"k2\",\"class\":1}"));
            RetrievedImageExclusion.exclude(store, store.sampleTable().bySplit(Split.RETRIEVED));
            assertThat(store.sampleTable().bySplit(Split.RETRIEVED)).isEmpty();
        }
        try (ProjectStore store = ProjectStore.open(dir)) {
            List<RetrievedImageExclusion.ExcludedImage> excluded = RetrievedImageExclusion.excluded(store);
            assertThat(excluded).extracting(RetrievedImageExclusion.ExcludedImage::path)
                    .containsExactly("retrieval/images/0000/s0__k1.png", "retrieval/images/0001/s0__k2.png");
            assertThat(store.dir().resolve(excluded.get(0).keptAt())).exists();

            RetrievedImageExclusion.include(store, List.of(excluded.get(0)));

            assertThat(store.sampleTable().bySplit(Split.RETRIEVED)).singleElement().satisfies(s -> {
                assertThat(s.path()).isEqualTo("retrieval/images/0000/s0__k1.png");
                assertThat(s.trueLabel()).isEqualTo(0);
                assertThat(s.provenanceJson()).contains("\"k1\"");
            });
            assertThat(file).hasBinaryContent(new byte[]{1, 2, 3});
            assertThat(RetrievedExclusions.all(store)).containsExactly("1\ts0\tk2");
            assertThat(RetrievedImageExclusion.excluded(store)).extracting(RetrievedImageExclusion.ExcludedImage::path)
                    .containsExactly("retrieval/images/0001/s0__k2.png");
        }
    }
}
