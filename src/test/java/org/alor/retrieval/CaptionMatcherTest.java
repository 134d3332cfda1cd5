package org.alor.retrieval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class CaptionMatcherTest {
    private static Set<String> matched(List<ClassSynonyms> classes, String caption) {
        CaptionMatcher m = CaptionMatcher.build(classes);
        Set<String> out = new TreeSet<>();
        for (int r : m.newSession().match(caption)) out.add(m.refs().get(r).synonym());
        return out;
    }

    private static Set<String> matched(String caption, String... synonyms) {
        return matched(List.of(new ClassSynonyms(0, synonyms[0], List.of(synonyms))), caption);
    }

    @Test
    void tokensFollowTheNormalisation() {
        assertThat(CaptionTokenizer.tokens("Ross's Gull")).containsExactly("rosss", "gull");
        assertThat(CaptionTokenizer.tokens("Black-capped_Chickadee")).containsExactly("black", "capped", "chickadee");
        assertThat(CaptionTokenizer.tokens("\"Quoted\" name,  (here)!")).containsExactly("quoted", "name", "here");
        assertThat(CaptionTokenizer.tokens("")).isEmpty();
        assertThat(CaptionTokenizer.tokens(" -_ ,.")).isEmpty();
        assertThat(CaptionTokenizer.tokens("Zoë 2024")).containsExactly("zoë", "2024");
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(matched("BARN SWALLOW on a wire", "Barn Swallow")).containsExactly("Barn Swallow");
        assertThat(matched("barn swallow.", "Barn Swallow")).containsExactly("Barn Swallow");
        assertThat(matched("(Barn)-Swallow!", "Barn Swallow")).containsExactly("Barn Swallow");
        assertThat(matched("barn, swallow", "Barn Swallow")).containsExactly("Barn Swallow");
        assertThat(matched("Barn\nSwallow", "Barn Swallow")).containsExactly("Barn Swallow");
    }

    @Test
    void hyphensUnderscoresAndSpacesAreEquivalent() {
        assertThat(matched("a black capped chickadee", "Black-capped Chickadee")).hasSize(1);
        assertThat(matched("a Black_capped_Chickadee", "Black-capped Chickadee")).hasSize(1);
        assertThat(matched("a blackcapped chickadee", "Black-capped Chickadee")).isEmpty();
    }

    @Test
    void apostrophesAreDroppedInsideWords() {
        // "'" is removed, not a separator: "Ross's" becomes "rosss", so "Ross Gull" is a different name.
        assertThat(matched("Ross's Gull in winter", "Ross's Gull")).hasSize(1);
        assertThat(matched("ROSS’S GULL", "Ross's Gull")).isEmpty(); // U+2019 is not U+0027: it separates tokens
        assertThat(matched("Ross's Gull", "Ross Gull")).isEmpty();
        assertThat(matched("Ross Gull", "Ross's Gull")).isEmpty();
        assertThat(matched("rosss gull", "Ross's Gull")).hasSize(1);
        assertThat(matched("\"Ross\" Gull", "Ross Gull")).hasSize(1);
    }

    @Test
    void wholeTokensOnly_prefixNamesDoNotMatchLongerWords() {
        List<ClassSynonyms> classes = List.of(new ClassSynonyms(0, "Swallow", List.of("Swallow")),
                new ClassSynonyms(1, "Swallowtail", List.of("Swallowtail")));
        assertThat(matched(classes, "a swallowtail butterfly")).containsExactly("Swallowtail");
        assertThat(matched(classes, "a swallow")).containsExactly("Swallow");
        assertThat(matched(classes, "swallows")).isEmpty();
        assertThat(matched(classes, "swallow and swallowtail")).containsExactly("Swallow", "Swallowtail");
    }

    @Test
    void multiWordNamesMustBeAdjacentAndInOrder() {
        assertThat(matched("gull, herring", "Herring Gull")).isEmpty();
        assertThat(matched("herring and gull", "Herring Gull")).isEmpty();
        assertThat(matched("herring herring gull", "Herring Gull")).hasSize(1); // overlap handled by failure links
        assertThat(matched("herring-gull", "Herring Gull")).hasSize(1);
        assertThat(matched("Herring. Gull", "Herring Gull")).hasSize(1); // punctuation only separates tokens
    }

    @Test
    void nestedAndOverlappingNamesAllMatch() {
        List<ClassSynonyms> classes = List.of(new ClassSynonyms(0, "Barn Swallow", List.of("Barn Swallow", "Swallow")),
                new ClassSynonyms(1, "Barn Owl", List.of("Barn Owl")),
                new ClassSynonyms(2, "Swallow Tanager", List.of("Swallow Tanager")));
        assertThat(matched(classes, "barn swallow tanager")).containsExactly("Barn Swallow", "Swallow", "Swallow Tanager");
        assertThat(matched(classes, "barn barn owl")).containsExactly("Barn Owl");
    }

    @Test
    void unicodeIsComparedInNfc() {
        String composed = "Zoë Warbler";
        String decomposed = "Zoe\u0308 Warbler";
        assertThat(matched("a " + decomposed, composed)).hasSize(1);
        assertThat(matched("a " + composed, decomposed)).hasSize(1);
        assertThat(matched("a Zoe Warbler", composed)).isEmpty();
        assertThat(matched("ÉCUREUIL roux", "écureuil")).hasSize(1);
    }

    @Test
    void emptyAndHugeCaptions() {
        assertThat(matched("", "Swallow")).isEmpty();
        assertThat(matched("   ", "Swallow")).isEmpty();
        String huge = "word ".repeat(200_000) + "swallow " + "x".repeat(100_000);
        assertThat(matched(huge, "Swallow")).hasSize(1);
        assertThat(matched("x".repeat(300_000), "Swallow")).isEmpty();
    }

    @Test
    void synonymsWithoutTokensAreReportedNotMatched() {
        CaptionMatcher m = CaptionMatcher.build(List.of(new ClassSynonyms(0, "Swallow", List.of("Swallow", "--"))));
        assertThat(m.refs()).hasSize(1);
        assertThat(m.warnings()).singleElement().asString().contains("'--'");
    }

    @Test
    void sameNameInTwoClassesCountsForBoth() {
        CaptionMatcher m = CaptionMatcher.build(List.of(new ClassSynonyms(0, "A", List.of("Kite")),
                new ClassSynonyms(1, "B", List.of("kite"))));
        int[] refs = m.newSession().match("a KITE");
        assertThat(m.classesOf(refs)).containsExactly(0, 1);
    }

    @Test
    void findsExactlyTheCaptionsNamingEachClass_onAGeneratedCorpus() {
        TestCorpora.Generated g = TestCorpora.generate(5000, 42);
        CaptionMatcher m = CaptionMatcher.build(g.classes());
        CaptionMatcher.Session s = m.newSession();
        int tp = 0;
        for (Map.Entry<String, String> e : g.captions().entrySet()) {
            int[] classes = m.classesOf(s.match(e.getValue()));
            int truth = g.truth().get(e.getKey());
            if (truth < 0) {
                assertThat(classes).as(e.getValue()).isEmpty();
            } else {
                assertThat(classes).as(e.getValue()).containsExactly(truth);
                tp++;
            }
        }
        assertThat(tp).isGreaterThan(3000);
    }

    @Test
    void sessionIsReusableAndResultsAreStable() {
        CaptionMatcher m = CaptionMatcher.build(TestCorpora.CLASSES);
        CaptionMatcher.Session s = m.newSession();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) first.add(Arrays.toString(s.match("Barn Swallow and a Swallowtail")));
        assertThat(first).containsOnly(first.get(0));
        assertThat(m.classesOf(s.match("Barn Swallow and a Swallowtail"))).containsExactly(0, 1);
    }

    @Test
    void mentionsAppliesTheMatchersRuleToOnePair() {
        String[][] pairs = {
                {"ROSS'S GULL at the pier", "Ross's Gull"}, {"a ross's-gull, adult", "Ross's Gull"},
                {"Crimson_crested Warbler", "Crimson-crested Warbler"}, {"crimson warbler, crested", "Crimson-crested Warbler"},
                {"warbler crimson crested", "Crimson-crested Warbler"}, {"two gulls", "Gull"},
                {"Swallowtail Kite over the bay", "Swallow"}, {"swallow-tail kite", "Swallowtail Kite"},
                {"barn swallow!", "Swallow"}, {"anything", "--"}, {"", "Gull"}};
        int mentioned = 0;
        for (String[] p : pairs) {
            boolean byMatcher = !matched(List.of(new ClassSynonyms(0, "x", List.of(p[1]))), p[0]).isEmpty();
            assertThat(CaptionTokenizer.mentions(p[0], p[1])).as(p[0] + " / " + p[1]).isEqualTo(byMatcher);
            if (byMatcher) mentioned++;
        }
        assertThat(mentioned).isEqualTo(4);
    }
}
