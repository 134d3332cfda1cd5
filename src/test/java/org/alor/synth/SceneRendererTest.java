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

    @Test
    void fieldPhotosAreNoisierThanWebImagesOfTheSameSpecies() {
        double web = 0, field = 0;
        for (int seed = 0; seed < 20; seed++) {
            web += roughness(SceneRenderer.bird(species.get(2), seed, 48, SceneRenderer.Domain.WEB));
            field += roughness(SceneRenderer.bird(species.get(2), seed, 48, SceneRenderer.Domain.FIELD));
        }
        assertThat(field).isGreaterThan(2 * web);
    }

    @Test
    void webImagesShowTheBirdBiggerThanFieldPhotos() {
        double web = 0, field = 0;
        for (int seed = 0; seed < 20; seed++) {
            web += differsFromBackdropCorner(SceneRenderer.bird(species.get(3), seed, 48, SceneRenderer.Domain.WEB));
            field += differsFromBackdropCorner(SceneRenderer.bird(species.get(3), seed, 48, SceneRenderer.Domain.FIELD));
        }
        assertThat(web).isGreaterThan(field);
    }

    /** Distinct colours in the 6×6 top-left corner (background): smooth gradients have few, sensor noise many. */
    private static double roughness(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 6; y++) for (int x = 0; x < 6; x++) colours.add(img.getRGB(x, y));
        return colours.size();
    }

    /** Share of the centre half of the picture whose colour is far from the top-left corner's. */
    private static double differsFromBackdropCorner(BufferedImage img) {
        int w = img.getWidth(), corner = img.getRGB(1, 1), far = 0, n = 0;
        for (int y = w / 4; y < 3 * w / 4; y++) {
            for (int x = w / 4; x < 3 * w / 4; x++) {
                int p = img.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 0xff) - ((corner >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((corner >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (corner & 0xff));
                if (d > 90) far++;
                n++;
            }
        }
        return far / (double) n;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
