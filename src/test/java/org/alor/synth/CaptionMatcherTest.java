package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionMatcherTest {
    @Test
    void normalisesCaseQuotesHyphensAndUnderscores() {
        assertThat(CaptionMatcher.tokens("\"Ross's\" Crimson-crested_WARBLER!!")).containsExactly("rosss", "crimson", "crested", "warbler");
    }

    @Test
    void matchesWholeTokensAdjacentAndInOrder() {
        assertThat(CaptionMatcher.matches("ROSS'S GULL at the pier", "Ross's Gull")).isTrue();
        assertThat(CaptionMatcher.matches("a ross's-gull, adult", "Ross's Gull")).isTrue();
        assertThat(CaptionMatcher.matches("crimson crested warbler", "Crimson-crested Warbler")).isTrue();
        assertThat(CaptionMatcher.matches("Crimson_crested Warbler", "Crimson-crested Warbler")).isTrue();
        assertThat(CaptionMatcher.matches("crimson warbler, crested", "Crimson-crested Warbler")).isFalse();
        assertThat(CaptionMatcher.matches("warbler crimson crested", "Crimson-crested Warbler")).isFalse();
        assertThat(CaptionMatcher.matches("two gulls", "Gull")).isFalse();
    }

    @Test
    void aStringPrefixIsNotATokenPrefix() {
        assertThat(CaptionMatcher.matches("Swallowtail Kite over the bay", "Swallow")).isFalse();
        assertThat(CaptionMatcher.matches("a swallow and a kite", "Swallowtail Kite")).isFalse();
        assertThat(CaptionMatcher.matches("swallow-tail kite", "Swallowtail Kite")).isFalse();
        assertThat(CaptionMatcher.matches("barn swallow!", "Swallow")).isTrue();
    }

    @Test
    void emptyNameMatchesNothing() {
        assertThat(CaptionMatcher.matches("anything", "--")).isFalse();
    }

    @Test
    void mostCommonNameSkipsSubsetsOfTheNameButTakesOtherFrequentNames() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("Ocyphura rufa", 10);
        counts.put("Ocyphura", 500);            // a word of the name: never chosen
        counts.put("Indigo-headed Sunbird", 40);
        counts.put("Sunbird", 30);
        assertThat(SynonymStats.mostCommonName("Ocyphura rufa", counts)).isEqualTo("Indigo-headed Sunbird");

        Map<String, Integer> rarer = new LinkedHashMap<>();
        rarer.put("Ocyphura rufa", 50);
        rarer.put("Indigo-headed Sunbird", 40);
        assertThat(SynonymStats.mostCommonName("Ocyphura rufa", rarer)).isEqualTo("Ocyphura rufa");

        Map<String, Integer> sameWords = new LinkedHashMap<>();
        sameWords.put("Ocyphura rufa", 5);
        sameWords.put("ocyphura RUFA", 9);      // same word set: allowed
        assertThat(SynonymStats.mostCommonName("Ocyphura rufa", sameWords)).isEqualTo("ocyphura RUFA");
    }

    @Test
    void statsCountCaptionsPerSynonymAndDistinctOverall() {
        List<List<String>> captions = List.of(
                CaptionMatcher.tokens("Indigo-headed Sunbird (Ocyphura rufa)"),
                CaptionMatcher.tokens("indigo headed sunbird"),
                CaptionMatcher.tokens("ocyphura rufa!"),
                CaptionMatcher.tokens("a sunbird"));
        SynonymStats st = SynonymStats.count("Ocyphura rufa", List.of("Ocyphura rufa", "Indigo-headed Sunbird"), captions);
        assertThat(st.alternates()).containsExactly(Map.entry("Ocyphura rufa", 2), Map.entry("Indigo-headed Sunbird", 2));
        assertThat(st.actualFreq()).isEqualTo(3);
        assertThat(st.mostCommonName()).isEqualTo("Ocyphura rufa");
    }
}
