package org.alor.clip;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingAugmentationTest {
    private static final RgbImage NOISE = TestImages.noise(90, 60, 11);

    @Test
    void sameSeedGivesTheSameAugmentationAndOtherSeedsDiffer() {
        TrainingAugmentation aug = TrainingAugmentation.forPromptTuning(ImagePreprocessor.clip(32));
        float[] a = aug.apply(NOISE, new SplittableRandom(42));
        float[] b = aug.apply(NOISE, new SplittableRandom(42));
        float[] c = aug.apply(NOISE, new SplittableRandom(43));
        assertThat(a).hasSize(3 * 32 * 32).containsExactly(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void seededTransformDependsOnlyOnSeedAndIndex() {
        ImageTransform t = TrainingAugmentation.forAdaptation(ImagePreprocessor.clip(16)).seeded(7);
        assertThat(t.apply(NOISE, 3)).containsExactly(t.apply(NOISE, 3));
        assertThat(t.apply(NOISE, 4)).isNotEqualTo(t.apply(NOISE, 3));
        ImageTransform other = TrainingAugmentation.forAdaptation(ImagePreprocessor.clip(16)).seeded(8);
        assertThat(other.apply(NOISE, 3)).isNotEqualTo(t.apply(NOISE, 3));
    }

    @Test
    void cropBoxesAlwaysLieInsideTheImageAndRespectScaleAndRatio() {
        Random sizes = new Random(1);
        SplittableRandom rng = new SplittableRandom(2);
        for (RandomResizedCrop crop : new RandomResizedCrop[]{RandomResizedCrop.withScale(8, 0.9, 1.0),
                RandomResizedCrop.withScale(8, 0.08, 1.0)}) {
            for (int i = 0; i < 3000; i++) {
                int w = 1 + sizes.nextInt(400);
                int h = 1 + sizes.nextInt(400);
                RandomResizedCrop.Box b = crop.sample(w, h, rng);
                assertThat(b.left()).isBetween(0, w - 1);
                assertThat(b.top()).isBetween(0, h - 1);
                assertThat(b.width()).isBetween(1, w - b.left());
                assertThat(b.height()).isBetween(1, h - b.top());
            }
        }
        RandomResizedCrop ft = RandomResizedCrop.withScale(8, 0.9, 1.0);
        for (int i = 0; i < 500; i++) {
            RandomResizedCrop.Box b = ft.sample(400, 400, rng);
            double area = (double) b.width() * b.height() / (400 * 400);
            double ratio = (double) b.width() / b.height();
            assertThat(area).isBetween(0.89, 1.0);
            assertThat(ratio).isBetween(3.0 / 4 - 0.01, 4.0 / 3 + 0.01);
        }
    }

    @Test
    void promptTuningPresetCropsFarMoreAggressively() {
        SplittableRandom rng = new SplittableRandom(5);
        RandomResizedCrop pt = TrainingAugmentation.forPromptTuning(ImagePreprocessor.clip(8)).crop();
        int small = 0;
        for (int i = 0; i < 200; i++) {
            RandomResizedCrop.Box b = pt.sample(400, 400, rng);
            if (b.width() * b.height() < 0.5 * 400 * 400) small++;
        }
        assertThat(small).isGreaterThan(50);
        assertThat(TrainingAugmentation.forAdaptation(ImagePreprocessor.clip(8)).crop().scaleMin()).isEqualTo(0.9);
    }

    @Test
    void impossibleBoxesFallBackToTheRatioClampedCentreCrop() {
        // a 1000×10 strip: no box with ratio ≤ 4/3 holds 90 % of its area
        RandomResizedCrop.Box b = RandomResizedCrop.withScale(8, 0.9, 1.0).sample(1000, 10, new SplittableRandom(0));
        assertThat(b).isEqualTo(new RandomResizedCrop.Box(493, 0, 13, 10));
    }

    @Test
    void flipIsAMirrorOfTheSameCrop() {
        ImagePreprocessor norm = ImagePreprocessor.clip(24);
        RandomResizedCrop crop = RandomResizedCrop.withScale(24, 0.5, 1.0);
        float[] plain = new TrainingAugmentation(crop, 0.0, norm).apply(NOISE, new SplittableRandom(9));
        float[] flipped = new TrainingAugmentation(crop, 1.0, norm).apply(NOISE, new SplittableRandom(9));
        int s = 24;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    assertThat(flipped[c * s * s + y * s + x]).isEqualTo(plain[c * s * s + y * s + (s - 1 - x)]);
                }
            }
        }
        assertThat(flipped).isNotEqualTo(plain);
    }

    @Test
    void halfOfTheImagesAreFlipped() {
        TrainingAugmentation aug = new TrainingAugmentation(RandomResizedCrop.withScale(4, 1.0, 1.0), 0.5,
                ImagePreprocessor.clip(4));
        RgbImage asymmetric = TestImages.rowIndexImage(4, 4);
        Set<Float> firstValues = new HashSet<>();
        int flips = 0;
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            float[] v = aug.apply(asymmetric, rng);
            firstValues.add(v[16]); // green of pixel (0,0) = column index after the flip or not
            if (v[16] > v[17]) flips++;
        }
        assertThat(firstValues).hasSize(2);
        assertThat(flips).isBetween(430, 570);
    }
}
