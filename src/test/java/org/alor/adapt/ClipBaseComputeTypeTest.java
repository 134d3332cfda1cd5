package org.alor.adapt;

import org.alor.clip.ClipModel;
import org.alor.clip.ComputeType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The models a round trains are built in the base's compute type (fp32 unless a bf16 round asks). */
class ClipBaseComputeTypeTest {
    @Test
    void newModelsComputeInTheBasesType() {
        ClipBase base = TinyClipWorld.base();
        assertThat(base.computeType()).isEqualTo(ComputeType.FP32);
        ClipBase bf16 = base.withComputeType(ComputeType.BF16);
        assertThat(bf16.weights()).isSameAs(base.weights());
        try (ClipModel a = base.newModel(); ClipModel b = bf16.newModel()) {
            assertThat(a.computeType()).isEqualTo(ComputeType.FP32);
            assertThat(b.computeType()).isEqualTo(ComputeType.BF16);
        }
        assertThat(bf16.withComputeType(ComputeType.BF16)).isSameAs(bf16);
    }
}
