package org.alor.loop.estimate;

import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModelFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GpuAnchorsTest {
    @Test
    void vitB32GetsTheAnchorsThemselves() {
        DeviceRates r = GpuAnchors.h200(ClipModelFactory.vitB32QuickGelu(), 200, 1000, 200, 512);
        assertThat(r.fp32().imagesPerSecond()).isCloseTo(4266, within(1e-6));
        assertThat(r.bf16().imagesPerSecond()).isCloseTo(20368, within(1e-6));
        assertThat(r.fp32().ctImagesPerSecond()).isCloseTo(728, within(1e-6));
        assertThat(r.bf16().ctImagesPerSecond()).isCloseTo(2100, within(1e-6));
        // FT trains the image tower only: faster than CT's pairs; text encoding is cheaper than image encoding
        assertThat(r.fp32().ftImagesPerSecond()).isGreaterThan(728);
        assertThat(r.fp32().textsPerSecond()).isGreaterThan(4266);
        assertThat(r.notes()).noneMatch(n -> n.contains("not ViT-B/32"));
        assertThat(r.source()).contains("H200");
    }

    @Test
    void anotherClipIsScaledByFlopsAndSaysSo() {
        ClipConfig b32 = ClipModelFactory.vitB32QuickGelu();
        // ViT-B/16: 4 × the patches of B/32, so about 4 × the image-tower FLOPs
        ClipConfig b16 = new ClipConfig(512, false, 224, 16, 768, 12, 64, 4.0, 77, 49408, 512, 8, 12, b32.mean(), b32.std());
        DeviceRates r = GpuAnchors.h200(b16, 200, 1000, 200, 512);
        assertThat(r.fp32().imagesPerSecond()).isCloseTo(4266 * ClipFlops.image(b32) / ClipFlops.image(b16), within(1e-6))
                .isLessThan(4266 / 3.5);
        assertThat(r.notes()).anyMatch(n -> n.contains("not ViT-B/32") && n.contains("FLOPs"))
                .noneMatch(n -> n.contains("overstates"));
        // a tiny CLIP would not fill the GPU: the scaled rates are said to be optimistic
        ClipConfig tiny = new ClipConfig(128, false, 64, 8, 128, 4, 32, 4.0, 24, 49408, 128, 4, 4, b32.mean(), b32.std());
        assertThat(GpuAnchors.h200(tiny, 24, 1000, 24, 128).notes()).anyMatch(n -> n.contains("overstates"));
    }

    @Test
    void vitB32ImageTowerIsAboutFourPointFourGigaMultiplyAdds() {
        assertThat(ClipFlops.image(ClipModelFactory.vitB32QuickGelu()) / 2e9).isCloseTo(4.4, within(0.1));
    }
}
