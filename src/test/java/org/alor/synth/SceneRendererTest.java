package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneRendererTest {
    private final List<Species> species = SpeciesGenerator.generate(6, 7);

    @Test
    void sameSeedSamePixelsOtherSeedOtherPixels() {
        assertThat(pixels(SceneRenderer.bird(species.get(0), 42, 64))).isEqualTo(pixels(SceneRenderer.bird(species.get(0), 42, 64)));
        assertThat(pixels(SceneRenderer.bird(species.get(0), 43, 64))).isNotEqualTo(pixels(SceneRenderer.bird(species.get(0), 42, 64)));
        assertThat(pixels(SceneRenderer.distractor(SceneRenderer.Distractor.SHAPES, 5, 32)))
                .isEqualTo(pixels(SceneRenderer.distractor(SceneRenderer.Distractor.SHAPES, 5, 32)));
    }

    @Test
    void rendersAnySizeWithTheSpeciesColoursPresent() {
        BufferedImage big = SceneRenderer.bird(species.get(1), 9, 256);
        assertThat(big.getWidth()).isEqualTo(256);
        assertThat(big.getHeight()).isEqualTo(256);
        Set<Integer> colours = new HashSet<>();
        for (int p : pixels(big)) colours.add(p);
        assertThat(colours.size()).isGreaterThan(200); // anti-aliased shapes and gradients, not a flat fill
    }

    @Test
    void speciesWithDifferentHeadsGiveDifferentPicturesOnTheSameSeed() {
        assertThat(pixels(SceneRenderer.bird(species.get(0), 1, 64))).isNotEqualTo(pixels(SceneRenderer.bird(species.get(1), 1, 64)));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
