package org.alor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PeakMemoryTest {
    @TempDir
    Path dir;

    @Test
    void readsThePeakResidentSizeFromAProcStatusFile() throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  6864836 kB\nVmRSS:\t 100 kB\n");
        assertThat(PeakMemory.peakResidentBytes(status)).hasValue(6864836L * 1024);
    }

    @Test
    void anUnreadableOrUnexpectedFileGivesNothing() throws Exception {
        assertThat(PeakMemory.peakResidentBytes(dir.resolve("missing"))).isEmpty();
        Path odd = dir.resolve("odd");
        Files.writeString(odd, "VmHWM: lots\n");
        assertThat(PeakMemory.peakResidentBytes(odd)).isEmpty();
    }

    @Test
    void thisProcessHasAPeakOnLinux() {
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(PeakMemory.peakResidentBytes()).isPresent();
            assertThat(PeakMemory.peakResidentBytes().getAsLong()).isGreaterThan(1_000_000L);
            assertThat(PeakMemory.describe()).matches("; peak memory \\d+\\.\\d\\d GB");
        }
    }
}
