package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alor.retrieval.CaptionTokenizer;
import org.junit.jupiter.api.Test;

class SpeciesGeneratorTest {
    private final List<Species> species = SpeciesGenerator.generate(24, 7);

    @Test
    void isDeterministicAndSeedDependent() {
        assertThat(SpeciesGenerator.generate(24, 7)).isEqualTo(species);
        assertThat(SpeciesGenerator.generate(24, 8)).isNotEqualTo(species);
    }

    @Test
    void namesAreUniqueAndGeneraAreShared() {
        Set<String> scientific = new HashSet<>(), common = new HashSet<>(), slugs = new HashSet<>();
        Map<String, Integer> perGenus = new HashMap<>();
        for (Species s : species) {
            assertThat(scientific.add(s.scientificName())).as(s.scientificName()).isTrue();
            assertThat(common.add(s.commonName())).as(s.commonName()).isTrue();
            assertThat(slugs.add(s.slug())).isTrue();
            assertThat(s.scientificName()).matches("[A-Z][a-z]+ [a-z]+");
            perGenus.merge(s.genus(), 1, Integer::sum);
        }
        assertThat(perGenus.values()).allMatch(n -> n >= 2);
        assertThat(species).extracting(Species::id).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24).boxed().toList());
    }

    @Test
    void includesTheTrickyNames() {
        assertThat(species).extracting(Species::commonName).contains("Swallow", "Swallowtail Kite", "Ross's Gull");
        assertThat(species).extracting(Species::commonName).anyMatch(n -> n.contains("-"));
    }

    @Test
    void noNameOccursInsideAnotherByAccident() {
        for (Species a : species) {
            for (Species b : species) {
                if (a == b) continue;
                for (String na : SynthWorld.synonyms(a)) {
                    for (String nb : SynthWorld.synonyms(b)) {
                        assertThat(CaptionTokenizer.mentions(nb, na)).as(na + " inside " + nb).isFalse();
                    }
                }
                // partial-name captions ("a warbler ...") only ever hit a species whose whole name is that word
                assertThat(CaptionTokenizer.mentions(a.lastWord(), b.commonName())).as(a.lastWord() + " vs " + b.commonName()).isFalse();
            }
        }
    }

    @Test
    void everySpeciesLooksDifferentAndSomeOnlySlightly() {
        int fineGrained = 0;
        for (int i = 0; i < species.size(); i++) {
            for (int j = i + 1; j < species.size(); j++) {
                int d = species.get(i).traits().differences(species.get(j).traits());
                assertThat(d).as(species.get(i).commonName() + " vs " + species.get(j).commonName()).isPositive();
                if (d <= 2 && species.get(i).genus().equals(species.get(j).genus())) fineGrained++;
            }
        }
        assertThat(fineGrained).isGreaterThanOrEqualTo(5);
    }

    @Test
    void worksForSmallAndLargeWorlds() {
        assertThat(SpeciesGenerator.generate(2, 1)).hasSize(2);
        List<Species> big = SpeciesGenerator.generate(1000, 3);
        assertThat(new HashSet<>(big.stream().map(Species::commonName).toList())).hasSize(1000);
        assertThat(new HashSet<>(big.stream().map(Species::scientificName).toList())).hasSize(1000);
        for (int i = 0; i < big.size(); i += 37) { // spot-check the no-containment rule in a crowded world
            for (Species b : big) {
                if (b != big.get(i)) assertThat(CaptionTokenizer.mentions(b.commonName(), big.get(i).commonName())).isFalse();
            }
        }
    }
}
