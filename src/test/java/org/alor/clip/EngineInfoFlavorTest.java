package org.alor.clip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineInfoFlavorTest {
    @Test
    void theFlavorIsReadFromDjlsCacheFolderName() {
        assertThat(EngineInfo.flavorOf("/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64/libtorch.so")).contains("cpu");
        assertThat(EngineInfo.flavorOf("/home/u/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64")).contains("cu128");
        assertThat(EngineInfo.flavorOf("/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64")).contains("cpu");
        assertThat(EngineInfo.flavorOf("")).isEmpty();
        assertThat(EngineInfo.flavorOf("/usr/lib/libtorch.so")).isEmpty();
    }
}
