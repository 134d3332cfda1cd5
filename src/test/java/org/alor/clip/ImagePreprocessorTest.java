package org.alor.clip;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImagePreprocessorTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/clip-preprocess");
    static FixtureSafetensors expected;

    @BeforeAll
    static void load() throws IOException {
        expected = new FixtureSafetensors(DIR.resolve("expected.safetensors"));
    }

    @ParameterizedTest
    @CsvSource({"landscape, 224", "landscape, 32", "portrait, 224", "portrait, 32"})
    void matchesTheReferencePreprocessing(String name, int size) throws IOException {
        float[] want = expected.f32(name + "_" + size);
        assertThat(expected.shape(name + "_" + size)).containsExactly(3, size, size);
        float[] got = ImagePreprocessor.clip(size).preprocess(DIR.resolve(name + ".png"));
        assertThat(got).hasSize(want.length);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < got.length; i++) {
            double d = Math.abs(got[i] - want[i]);
            sum += d;
            max = Math.max(max, d);
        }
        assertThat(sum / got.length).isLessThanOrEqualTo(0.01);
        assertThat(max).isLessThanOrEqualTo(0.1);
        // stronger claim, Pillow-exact resampling: every value is the reference's uint8 pixel (half a step ≈ 0.007)
        assertThat(max).isLessThan(0.5 / 255 / 0.2758);
    }

    @Test
    void resizesTheShorterSideAndCropsTheCentreWithPythonRounding() {
        ImagePreprocessor p = ImagePreprocessor.clip(224);
        assertThat(p.resizedSize(300, 500)).containsExactly(224, 373); // floor(224·500/300) = floor(373.3)
        assertThat(p.resizedSize(640, 480)).containsExactly(298, 224);
        // (373 − 224)/2 = 74.5 rounds half to even: 74, as Python's round does; (53 − 32)/2 = 10.5 → 10
        assertThat(p.centerOffset(373)).isEqualTo(74);
        assertThat(ImagePreprocessor.clip(32).centerOffset(53)).isEqualTo(10);
        assertThat(ImagePreprocessor.clip(32).centerOffset(43)).isEqualTo(6); // 5.5 → 6
    }

    @Test
    void resizingOnlyTheCropEqualsCroppingTheFullResize() {
        RgbImage noise = TestImages.noise(53, 41, 4);
        int[][] cases = {{20, 30, 3, 5, 10, 12}, {120, 17, 50, 0, 20, 17}, {53, 90, 0, 40, 53, 50}, {9, 41, 2, 3, 5, 30}};
        for (int[] c : cases) {
            RgbImage full = PilBicubicResampler.resize(noise, c[0], c[1]).crop(c[2], c[3], c[4], c[5]);
            RgbImage part = PilBicubicResampler.resizeAndCrop(noise, c[0], c[1], c[2], c[3], c[4], c[5]);
            assertThat(part.width()).isEqualTo(c[4]);
            assertThat(part.pixels()).containsExactly(full.pixels());
        }
    }

    @Test
    void aVeryElongatedImageIsPreprocessedWithoutBuildingTheWholeResizedImage() {
        // the full resize would be 224 × 448,000 pixels (300 MB); only the 224² crop is computed
        float[] v = ImagePreprocessor.clip(224).preprocess(TestImages.constant(1, 2000, 255, 255, 255));
        assertThat(v[0]).isEqualTo((1f - 0.48145466f) / 0.26862954f);
    }

    @Test
    void normalizesToChwWithClipStatistics() {
        RgbImage img = new RgbImage(1, 1, new byte[]{(byte) 255, 0, (byte) 128});
        float[] v = ImagePreprocessor.clip(1).normalize(img);
        assertThat(v).containsExactly((1f - 0.48145466f) / 0.26862954f, (0f - 0.4578275f) / 0.26130258f,
                (128 / 255f - 0.40821073f) / 0.27577711f);
    }

    @Test
    void aConstantImageStaysConstantWhenShrunkOrEnlarged() {
        RgbImage grey = TestImages.constant(97, 61, 10, 200, 30);
        for (int[] size : new int[][]{{13, 7}, {200, 150}, {97, 20}, {5, 61}}) {
            RgbImage r = PilBicubicResampler.resize(grey, size[0], size[1]);
            assertThat(r.width()).isEqualTo(size[0]);
            assertThat(r.height()).isEqualTo(size[1]);
            for (int i = 0; i < r.pixels().length; i += 3) {
                assertThat(new int[]{r.pixels()[i] & 0xFF, r.pixels()[i + 1] & 0xFF, r.pixels()[i + 2] & 0xFF})
                        .containsExactly(10, 200, 30);
            }
        }
    }

    @Test
    void bicubicKernelIsPillows() {
        assertThat(PilBicubicResampler.bicubic(0)).isEqualTo(1.0);
        assertThat(PilBicubicResampler.bicubic(1)).isEqualTo(0.0);
        assertThat(PilBicubicResampler.bicubic(0.5)).isEqualTo(0.5625);
        assertThat(PilBicubicResampler.bicubic(-1.5)).isEqualTo(-0.0625);
        assertThat(PilBicubicResampler.bicubic(2)).isEqualTo(0.0);
    }
}
