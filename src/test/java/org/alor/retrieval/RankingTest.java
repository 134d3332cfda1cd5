package org.alor.retrieval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {
    /** A fake text tower: bag of 4 hand-chosen words; every text gets a small bias so no vector is zero. */
    static final TextEmbedder FAKE = texts -> {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            String t = texts.get(i).toLowerCase();
            out[i] = new float[]{(t.contains("bird") ? 1 : 0) + (t.contains("logo") ? -5 : 0), t.contains("swallow") ? 2 : 0, 0.1f,
                    t.contains("flight") ? 1 : 0};
        }
        return out;
    };

    @Test
    void classPromptIsTheNormalisedMeanOfNormalisedTemplateSynonymEmbeddings() {
        List<String> calls = new ArrayList<>();
        TextEmbedder spy = texts -> {
            calls.addAll(texts);
            return FAKE.embed(texts);
        };
        CaptionRanker r = new CaptionRanker(spy, List.of("a photo of a {}, a type of bird.", "{}"), 2);
        float[] p = r.classPrompt(List.of("Swallow", "Hirundo"));
        assertThat(calls).containsExactly("a photo of a Swallow, a type of bird.", "a photo of a Hirundo, a type of bird.", "Swallow", "Hirundo");
        // hand-computed: normalise each of (1,2,.1,0), (1,0,.1,0), (0,2,.1,0), (0,0,.1,0), average, normalise
        float[][] e = FAKE.embed(calls);
        double[] sum = new double[4];
        for (float[] v : e) {
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[3] * v[3]);
            for (int i = 0; i < 4; i++) sum[i] += v[i] / n;
        }
        double n = Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2] + sum[3] * sum[3]);
        for (int i = 0; i < 4; i++) assertThat((double) p[i]).isCloseTo(sum[i] / n, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void keepsTopNWithNonNegativeScore_tiesInCorpusOrder_noRankKeepsCorpusOrder() {
        List<ClassSynonyms> classes = List.of(new ClassSynonyms(0, "Swallow", List.of("Swallow")));
        CaptionMatcher m = CaptionMatcher.build(classes);
        String[] caps = {"swallow logo", "swallow", "a swallow bird in flight", "swallow bird", "swallow", "swallow logo logo"};
        List<CaptionMatch> matches = new ArrayList<>();
        for (int i = 0; i < caps.length; i++) {
            matches.add(new CaptionMatch(new CaptionRecord("k" + i, caps[i], null, "s"), m.newSession().match(caps[i])));
        }
        CaptionRanker r = new CaptionRanker(FAKE, List.of("a photo of a {}, a type of bird."), 4);
        Map<Integer, List<KeptItem>> kept = ClassSelection.select(classes, m, matches, 3, r);
        assertThat(kept.get(0)).extracting(k -> k.record().key()).containsExactly("k3", "k2", "k1");
        assertThat(kept.get(0).get(0).score()).isGreaterThan(kept.get(0).get(1).score());
        Map<Integer, List<KeptItem>> all = ClassSelection.select(classes, m, matches, 10, r);
        // "logo" captions score below zero and are dropped; the two equal "swallow" captions keep corpus order
        assertThat(all.get(0)).extracting(k -> k.record().key()).containsExactly("k3", "k2", "k1", "k4");
        Map<Integer, List<KeptItem>> plain = ClassSelection.select(classes, m, matches, 4, null);
        assertThat(plain.get(0)).extracting(k -> k.record().key()).containsExactly("k0", "k1", "k2", "k3");
        assertThat(plain.get(0).get(0).score()).isNull();
    }

    @Test
    void nearDuplicatesAboveTheThresholdAreFound() {
        List<java.nio.file.Path> cand = List.of(java.nio.file.Path.of("a"), java.nio.file.Path.of("b"), java.nio.file.Path.of("c"));
        List<java.nio.file.Path> task = List.of(java.nio.file.Path.of("t1"));
        ImageEmbedder emb = files -> files.stream().map(f -> switch (f.toString()) {
            case "a" -> new float[]{1, 0};
            case "b" -> new float[]{0.99f, 0.1f};
            case "c" -> new float[]{0, 1};
            default -> new float[]{2, 0};
        }).toArray(float[][]::new);
        assertThat(NearDuplicateFilter.duplicates(emb, cand, task, 0.95)).containsExactly(0, 1);
        assertThat(NearDuplicateFilter.duplicates(emb, cand, task, 0.999)).containsExactly(0);
    }
}
