package org.alor.app.label;

import org.alor.data.ClassInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassSearchTest {
    private static ClassInfo c(int id, String name, String common, String... synonyms) {
        Map<String, Integer> syn = new LinkedHashMap<>();
        syn.put(name, 0);
        for (String s : synonyms) syn.put(s, 0);
        return new ClassInfo(id, name, common, syn);
    }

    private final ClassSearch search = new ClassSearch(List.of(
            c(0, "Tachycineta bicolor", "Tree Swallow"),
            c(1, "Tachycineta thalassina", "Violet-green Swallow"),
            c(2, "Hirundo rustica", "Barn Swallow", "swallow"),
            c(3, "Turdus migratorius", "American Robin", "robin redbreast"),
            c(4, "Sialia sialis", "Eastern Bluebird")));

    @Test
    void matchesScientificCommonNamesAndSynonyms() {
        assertThat(search.search("tachy", Map.of(), 10)).extracting(ClassSearch.ClassMatch::classId).containsExactly(0, 1);
        assertThat(search.search("robin", Map.of(), 10)).extracting(ClassSearch.ClassMatch::classId).containsExactly(3);
        assertThat(search.search("redbreast", Map.of(), 10)).extracting(ClassSearch.ClassMatch::matchedName).containsExactly("robin redbreast");
        assertThat(search.search("zzz", Map.of(), 10)).isEmpty();
    }

    @Test
    void probabilityRanksFirstAmongMatches() {
        List<ClassSearch.ClassMatch> hits = search.search("swallow", Map.of(1, 0.4, 0, 0.1), 10);
        assertThat(hits).extracting(ClassSearch.ClassMatch::classId).containsExactly(1, 0, 2);
        assertThat(hits.get(0).probability()).isEqualTo(0.4);
        assertThat(hits.get(2).probability()).isNull();
    }

    @Test
    void betterTextMatchesRankFirstWithoutProbabilities() {
        // "swallow" is the whole synonym of class 2 (prefix match, 3) but only a word of the others (2)
        assertThat(search.search("swallow", Map.of(), 10).get(0).classId()).isEqualTo(2);
        assertThat(search.search("tree sw", Map.of(), 10)).extracting(ClassSearch.ClassMatch::classId).containsExactly(0);
        assertThat(search.search("v g swa", Map.of(), 10)).extracting(ClassSearch.ClassMatch::classId).containsExactly(1);
    }

    @Test
    void ignoresCaseAndAccents() {
        ClassSearch s = new ClassSearch(List.of(c(0, "Pájaro azul", "Bluebird")));
        assertThat(s.search("PAJARO", Map.of(), 5)).hasSize(1);
    }
}
