package org.alor.retrieval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTest {
    private static Map<String, Integer> counts(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
        return m;
    }

    @Test
    void mostCommonNameTakesAMoreFrequentSynonymThatIsNotPartOfTheName() {
        // name 24, common name 60: the common name's words are not a subset of the name's -> replace.
        assertThat(MostCommonName.choose("Melops castaneus", counts("Melops castaneus", 24, "Sooty-headed Tit", 60)))
                .isEqualTo("Sooty-headed Tit");
        // less frequent than the name: keep the name.
        assertThat(MostCommonName.choose("Melops castaneus", counts("Melops castaneus", 80, "Sooty-headed Tit", 60)))
                .isEqualTo("Melops castaneus");
    }

    @Test
    void aSubsetOfTheNameIsTooGeneric_butTheSameWordsInAnotherFormAreFine() {
        // "Gull" ⊂ {rosss, gull}: never chosen however frequent.
        assertThat(MostCommonName.choose("Ross's Gull", counts("Ross's Gull", 5, "Gull", 900))).isEqualTo("Ross's Gull");
        // same word set, other spelling: chosen when more frequent.
        assertThat(MostCommonName.choose("Black-capped Chickadee", counts("Black-capped Chickadee", 5, "black capped chickadee", 7)))
                .isEqualTo("black capped chickadee");
        // a subset is skipped, then the next most frequent qualifying synonym wins when it beats the subset's count.
        assertThat(MostCommonName.choose("Barn Swallow", counts("Barn Swallow", 10, "Swallow", 50, "Hirundo rustica", 400, "Chimney Swallow", 30)))
                .isEqualTo("Hirundo rustica");
        // the name absent from the alternates counts 0.
        assertThat(MostCommonName.choose("Hirundo rustica", counts("Barn Swallow", 3))).isEqualTo("Barn Swallow");
        assertThat(MostCommonName.choose("Hirundo rustica", counts("Barn Swallow", 0))).isEqualTo("Hirundo rustica");
    }

    @Test
    void aSkippedSubsetNameStillRaisesTheThreshold() {
        // The reference (SWAT/ALOR find_most_common_name, RELAXED): "lacewing" ⊂ "green lacewing" is not chosen, but
        // its count becomes the bar, so "Chrysopidae" (300 < 900) no longer replaces the name.
        assertThat(MostCommonName.choose("green lacewing", counts("green lacewing", 20, "lacewing", 900, "Chrysopidae", 300)))
                .isEqualTo("green lacewing");
        assertThat(MostCommonName.choose("Barn Swallow", counts("Barn Swallow", 10, "Swallow", 500, "Hirundo rustica", 40, "Chimney Swallow", 30)))
                .isEqualTo("Barn Swallow");
        // a chosen synonym raises it too: the later, less frequent one cannot win.
        assertThat(MostCommonName.choose("Melops castaneus", counts("Melops castaneus", 1, "Sooty-headed Tit", 60, "Sooty Tit", 40)))
                .isEqualTo("Sooty-headed Tit");
    }

    @Test
    void theNamesOwnCountIsFoundUnderAnotherSpellingOfTheSameWords() {
        // The reference looks the name up as given, then cleaned; a synonym with the same normalised text is the
        // same phrase and has the name's count (here 50), so "Gray Jay" (30) does not replace it.
        assertThat(MostCommonName.choose("Canada Jay", counts("canada jay", 50, "Gray Jay", 30))).isEqualTo("Canada Jay");
    }

    @Test
    void countsAndActualFreqFromMatches_handComputed() {
        List<ClassSynonyms> classes = List.of(
                new ClassSynonyms(0, "Hirundo rustica", List.of("Hirundo rustica", "Barn Swallow", "Swallow")),
                new ClassSynonyms(1, "Papilio machaon", List.of("Papilio machaon", "Swallowtail")));
        CaptionMatcher m = CaptionMatcher.build(classes);
        String[] captions = {
                "barn swallow",                       // c0: Barn Swallow, Swallow
                "Barn Swallow (Hirundo rustica)",     // c0: all three
                "a swallow",                          // c0: Swallow
                "swallowtail on a flower",            // c1: Swallowtail
                "swallow swallow swallow",            // c0: Swallow (once per caption)
                "Papilio machaon, the swallowtail",   // c1: both
                "nothing here"};
        CaptionMatcher.Session s = m.newSession();
        List<CaptionMatch> matches = new ArrayList<>();
        for (int i = 0; i < captions.length; i++) {
            int[] refs = s.match(captions[i]);
            if (refs.length > 0) matches.add(new CaptionMatch(new CaptionRecord("k" + i, captions[i], null, "s"), refs));
        }
        List<ClassStats> st = MatchStatistics.compute(classes, m, matches);
        assertThat(st.get(0).synonymCounts()).containsExactly(Map.entry("Hirundo rustica", 1), Map.entry("Barn Swallow", 2), Map.entry("Swallow", 4));
        assertThat(st.get(0).actualFreq()).isEqualTo(4);
        // {swallow} is not a subset of the name's words {hirundo, rustica}, and it is the most frequent (4 > 1).
        assertThat(st.get(0).mostCommonName()).isEqualTo("Swallow");
        assertThat(st.get(1).synonymCounts()).containsExactly(Map.entry("Papilio machaon", 1), Map.entry("Swallowtail", 2));
        assertThat(st.get(1).actualFreq()).isEqualTo(2);
        assertThat(st.get(1).mostCommonName()).isEqualTo("Swallowtail");
    }
}
