package org.alor.clip;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Bf16SupportTest {
    @TempDir
    Path tmp;

    @Test
    void aCpuIsFastInBf16WithAvx512Bf16OrAmxFlagsOnly() throws IOException {
        assertThat(Bf16Support.cpuHasBf16(cpuInfo("fpu sse avx2 avx512f avx512_bf16 avx512_vnni"))).isTrue();
        assertThat(Bf16Support.cpuHasBf16(cpuInfo("fpu avx2 amx_bf16 amx_tile"))).isTrue();
        assertThat(Bf16Support.cpuHasBf16(cpuInfo("fpu sse avx2 avx512f avx512bw"))).isFalse();
        assertThat(Bf16Support.cpuHasBf16(tmp.resolve("missing"))).isFalse();
    }

    @Test
    void noFastBf16HasAReasonAndFastBf16HasNone() {
        String why = Bf16Support.whyNot(Device.cpu());
        assertThat(why.isEmpty()).isEqualTo(Bf16Support.isFast(Device.cpu()));
    }

    private Path cpuInfo(String flags) throws IOException {
        Path f = tmp.resolve("cpuinfo-" + flags.hashCode());
        Files.writeString(f, "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: " + flags + "\nbogomips\t: 4000\n");
        return f;
    }
}
