package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alor.retrieval.CaptionTokenizer;
import org.alor.retrieval.ClassStats;
import org.junit.jupiter.api.Test;

/** The corpus and split plan of a default-sized world (planning is cheap: no rendering here). */
class CorpusPlanTest {
    private final SynthWorld world = SynthWorld.create(SynthConfig.defaults().withCorpusPairs(4000));

    @Test
    void captionMatchCountsEqualTheNamesTheGeneratorWrote() {
        List<ClassStats> stats = world.classStats();
        for (Species s : world.species()) {
            for (String synonym : SynthWorld.synonyms(s)) {
                long expected = world.corpus().stream()
                        .filter(p -> p.namesMentioned().stream().anyMatch(m -> CaptionTokenizer.mentions(m, synonym)))
                        .count();
                assertThat(stats.get(s.id()).synonymCounts().get(synonym)).as(synonym).isEqualTo((int) expected);
            }
        }
    }

    @Test
    void captionsMixNamedPartialNamelessWrongAndNonBird() {
        List<CorpusPair> pairs = world.corpus();
        assertThat(pairs).hasSize(4000);
        long nonBird = pairs.stream().filter(p -> p.speciesId() < 0).count();
        assertThat(nonBird).isEqualTo(400);
        assertThat(pairs.stream().filter(p -> p.speciesId() < 0)).allMatch(p -> p.namesMentioned().isEmpty() && p.distractor() != null);
        List<CorpusPair> birds = pairs.stream().filter(p -> p.speciesId() >= 0).toList();
        long nameless = birds.stream().filter(p -> p.namesMentioned().isEmpty()).count();
        long wrong = birds.stream().filter(p -> !p.namesMentioned().isEmpty() && !mentionsOwnSpecies(p)).count();
        long genusOnly = birds.stream().filter(p -> p.namesMentioned().size() == 1
                && p.namesMentioned().get(0).equals(world.species().get(p.speciesId()).genus())).count();
        assertThat(nameless).isBetween(birds.size() / 8L, birds.size() / 3L);
        assertThat(wrong).isBetween(birds.size() / 100L, birds.size() / 15L);
        assertThat(genusOnly).isPositive();
        assertThat(pairs).anyMatch(p -> p.caption().equals(p.caption().toLowerCase(java.util.Locale.ROOT)) && !p.namesMentioned().isEmpty());
        assertThat(pairs).extracting(CorpusPair::key).doesNotHaveDuplicates();
        assertThat(pairs).allMatch(p -> p.url().startsWith("https://") && p.url().contains(".invalid/"));
    }

    private boolean mentionsOwnSpecies(CorpusPair p) {
        Species s = world.species().get(p.speciesId());
        return p.namesMentioned().stream().allMatch(n -> n.equals(s.commonName()) || n.equals(s.scientificName())
                || n.equals(s.genus()) || n.equals(s.lastWord()));
    }

    @Test
    void defaultWorldHasManyLookAlikeSpeciesALongTailAndEnoughPoolImagesForEveryClass() {
        assertThat(world.species()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(java.util.Arrays.stream(world.splitCounts("pool")).min().getAsInt()).isGreaterThanOrEqualTo(10);
        int[] counts = world.corpusCounts();
        int[] sorted = java.util.Arrays.stream(counts).sorted().toArray();
        assertThat(sorted[sorted.length - 1]).isGreaterThan(50 * Math.max(1, sorted[sorted.length / 5]));
    }

    @Test
    void poolImbalanceFollowsCorpusFrequency() {
        int[] corpus = world.corpusCounts(), pool = world.splitCounts("pool");
        assertThat(Stats.spearman(corpus, pool)).isGreaterThan(0.5);
        SynthConfig c = world.config();
        assertThat(java.util.Arrays.stream(pool).max().getAsInt()).isGreaterThanOrEqualTo(c.poolMax() * 3 / 4);
        assertThat(java.util.Arrays.stream(pool).min().getAsInt()).isEqualTo(c.poolMin());
        assertThat(world.splitCounts("val")).containsOnly(c.valPerClass());
        assertThat(world.splitCounts("test")).containsOnly(c.testPerClass());
    }

    @Test
    void taskImageSeedsAreDistinctFromCorpusSeeds() {
        java.util.Set<Long> corpusSeeds = new java.util.HashSet<>();
        world.corpus().forEach(p -> corpusSeeds.add(p.imageSeed()));
        assertThat(world.taskImages()).noneMatch(t -> corpusSeeds.contains(t.seed()));
        assertThat(world.taskImages()).extracting(TaskImage::seed).doesNotHaveDuplicates();
    }

    @Test
    void keysDoNotDependOnTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("th-TH-u-nu-thai"));
            SynthWorld thai = SynthWorld.create(SynthConfig.defaults().withCorpusPairs(50));
            assertThat(thai.corpus().get(12).key()).isEqualTo("000000012");
            assertThat(thai.corpus()).isEqualTo(SynthWorld.create(SynthConfig.defaults().withCorpusPairs(50)).corpus());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void theScientificCaptionShareSetsHowOftenCaptionsUseScientificNames() {
        double usual = scientificShare(world);
        double rare = scientificShare(SynthWorld.create(SynthConfig.defaults().withCorpusPairs(4000).withScientificCaptions(0.04)));
        assertThat(usual).isCloseTo(SynthConfig.DEFAULT_SCIENTIFIC_CAPTIONS, org.assertj.core.data.Offset.offset(0.03));
        assertThat(rare).isCloseTo(0.04, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void theScientificCaptionShareIsRecordedInTheWorldDescription() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("share");
        SynthConfig config = SynthConfig.defaults().withCorpusPairs(50).withSpecies(4).withSplitSizes(2, 1, 1, 1)
                .withScientificCaptions(0.05);
        SynthWorld.create(config).writeTo(dir.resolve("w"));
        assertThat(WorldJson.readConfig(dir.resolve("w/world.json")).scientificCaptions()).isEqualTo(0.05);
    }

    @Test
    void aShareAboveTheNamedCaptionsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SynthConfig.defaults().withScientificCaptions(0.9))
                .hasMessageContaining("scientific-name caption share");
    }

    /** Share of bird captions (of their own species' name) that mention the scientific name. */
    private static double scientificShare(SynthWorld w) {
        List<CorpusPair> birds = w.corpus().stream().filter(p -> p.speciesId() >= 0).toList();
        long scientific = birds.stream().filter(p -> p.namesMentioned().stream()
                .anyMatch(n -> w.species().stream().anyMatch(s -> s.scientificName().equals(n)))).count();
        return scientific / (double) birds.size();
    }
}
