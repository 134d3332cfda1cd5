package org.alor.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HalfTest {
    @Test
    void knownEncodings() {
        assertThat(Half.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Half.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Half.fromFloat(0f)).isEqualTo((short) 0);
        assertThat(Half.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(Half.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Half.fromFloat(65520f)).as("rounds up to infinity").isEqualTo((short) 0x7c00);
        assertThat(Half.fromFloat(1e6f)).isEqualTo((short) 0x7c00);
        assertThat(Half.fromFloat(0x1p-24f)).as("smallest subnormal").isEqualTo((short) 0x0001);
        assertThat(Half.fromFloat(0x1p-14f)).as("smallest normal").isEqualTo((short) 0x0400);
        assertThat(Half.fromFloat(1e-9f)).isEqualTo((short) 0);
        assertThat(Half.fromFloat(Float.NaN) & 0x7c00).isEqualTo(0x7c00);
        assertThat(Half.fromFloat(Float.NaN) & 0x3ff).isNotZero();
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1.0)
        assertThat(Half.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
        assertThat(Half.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02);
    }

    @Test
    void everyHalfSurvivesARoundTrip() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat((short) h);
            if (Float.isNaN(f)) continue;
            assertThat(Half.fromFloat(f)).as("0x%04x", h).isEqualTo((short) h);
        }
        assertThat(Half.toFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(Half.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Half.toFloat((short) 0x8001)).isEqualTo(-0x1p-24f);
    }
}
