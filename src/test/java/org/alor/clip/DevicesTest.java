package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevicesTest {
    @Test
    void cpuIsForcedAndAutoFollowsTheEngine() {
        assertThat(Devices.select("cpu")).isEqualTo(Device.cpu());
        Device auto = Devices.select("auto");
        assertThat(auto.isGpu()).isEqualTo(Engine.getInstance().getGpuCount() > 0);
        assertThat(Devices.describe(Device.cpu())).matches("CPU, (1 thread|\\d+ threads)");
    }

    @Test
    void unknownOrAbsentDevicesAreRejected() {
        assertThatThrownBy(() -> Devices.select("tpu")).hasMessageContaining("unknown device 'tpu'");
        int gpus = Engine.getInstance().getGpuCount();
        assertThatThrownBy(() -> Devices.select("gpu:" + gpus)).hasMessageContaining("is not available");
    }
}
