package org.alor.store;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassesTest {
    @TempDir
    Path tmp;

    @Test
    void classesRoundTripWithSynonymsInOrder() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            List<ClassInfo> back = store.classTable().all();
            assertThat(back).isEqualTo(TestProjects.threeClasses());
            assertThat(back.get(0).synonyms().keySet()).containsExactly("Strix varia", "barred owl");
            assertThat(store.classTable().synonyms(0)).containsExactly(
                    new ClassSynonym(0, "Strix varia", 3, false), new ClassSynonym(0, "barred owl", 120, false));
        }
    }

    @Test
    void replaceUpdatesAddsRemovesAndMaySwapNames() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            store.classTable().replace(List.of(ClassInfo.named(0, "Pica pica"), ClassInfo.named(1, "Strix varia"),
                    ClassInfo.named(5, "Turdus merula")));
            assertThat(store.classTable().all()).extracting(ClassInfo::id, ClassInfo::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Pica pica"),
                            org.assertj.core.groups.Tuple.tuple(1, "Strix varia"),
                            org.assertj.core.groups.Tuple.tuple(5, "Turdus merula"));
            assertThat(store.classTable().synonyms(2)).isEmpty();
        }
    }

    @Test
    void excludedFlagSurvivesReplaceForKeptSynonymsAndCountsUpdate() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            store.classTable().setExcluded(0, "Strix varia", true);
            store.classTable().updateCounts(Map.of(0, Map.of("barred owl", 500)));
            store.classTable().setMostCommonName(1, "magpie");
            assertThat(store.classTable().synonyms(0)).containsExactly(
                    new ClassSynonym(0, "Strix varia", 3, true), new ClassSynonym(0, "barred owl", 500, false));
            assertThat(store.classTable().all().get(1).mostCommonName()).isEqualTo("magpie");

            Map<String, Integer> syn = new LinkedHashMap<>();
            syn.put("Strix varia", 7);
            syn.put("hoot owl", 2);
            store.classTable().replace(List.of(new ClassInfo(0, "Strix varia", "barred owl", syn)));
            assertThat(store.classTable().synonyms(0)).containsExactly(
                    new ClassSynonym(0, "Strix varia", 7, true), new ClassSynonym(0, "hoot owl", 2, false));
        }
    }

    @Test
    void unknownSynonymOrClassIsAnError() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            assertThatThrownBy(() -> store.classTable().setExcluded(0, "great horned owl", true))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no synonym 'great horned owl'");
            assertThatThrownBy(() -> store.classTable().updateCounts(Map.of(9, Map.of("x", 1))))
                    .hasMessageContaining("class 9");
            assertThatThrownBy(() -> store.classTable().setMostCommonName(9, "x")).hasMessageContaining("no class with id 9");
        }
    }

    @Test
    void duplicateIdsOrNamesAreRejectedBeforeWriting() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            assertThatThrownBy(() -> store.classTable().replace(List.of(ClassInfo.named(0, "a"), ClassInfo.named(0, "b"))))
                    .hasMessageContaining("class id 0 appears twice");
            assertThatThrownBy(() -> store.classTable().replace(List.of(ClassInfo.named(0, "a"), ClassInfo.named(1, "a"))))
                    .hasMessageContaining("'a' appears twice");
        }
    }

    @Test
    void removingAReferencedClassFailsAndChangesNothing() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.classTable().replace(TestProjects.threeClasses());
            store.sampleTable().add(TestProjects.sample("x.jpg", Split.TEST, 2));
            assertThatThrownBy(() -> store.classTable().replace(List.of(ClassInfo.named(0, "renamed"), ClassInfo.named(1, "b"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("class 2 cannot be removed");
            assertThat(store.classTable().all()).isEqualTo(TestProjects.threeClasses());
        }
    }
}
