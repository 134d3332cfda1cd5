package org.alor.loop.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class GpuSwitchTest {
    @TempDir
    Path dir;

    private UserFolders folders() {
        return new UserFolders(dir.resolve("data"), dir.resolve("djl"), dir.resolve("logs/alor.log"));
    }

    @Test
    void withoutADriverNothingIsDownloadedAndTheMessageSaysNoDriverFound() {
        AtomicInteger downloads = new AtomicInteger();
        GpuSwitch gpu = new GpuSwitch(Optional::empty, (cache, flavor, bytes) -> downloads.incrementAndGet(), folders());

        GpuSwitch.Outcome outcome = gpu.enable(b -> { });

        assertThat(outcome.status()).isEqualTo(GpuSwitch.Status.NO_DRIVER);
        assertThat(outcome.message()).contains("No NVIDIA driver found").contains("keeps using the CPU");
        assertThat(downloads).hasValue(0);
        assertThat(dir.resolve("data").resolve(GpuSwitch.CHOICE_FILE)).doesNotExist();
    }

    @Test
    void anOfflineDownloadKeepsTheCpuEngineAndSaysWhy() {
        GpuSwitch gpu = new GpuSwitch(() -> Optional.of("NVRM version: 570.86"), (cache, flavor, bytes) -> {
            bytes.accept(1024);
            throw new UnknownHostException("publish.djl.ai: offline");
        }, folders());

        GpuSwitch.Outcome outcome = gpu.enable(b -> { });

        assertThat(outcome.status()).isEqualTo(GpuSwitch.Status.DOWNLOAD_FAILED);
        assertThat(outcome.message()).contains("download failed").contains("publish.djl.ai: offline").contains("keeps using the CPU");
        assertThat(dir.resolve("data").resolve(GpuSwitch.CHOICE_FILE)).doesNotExist();
        assertThat(GpuSwitch.applySavedChoice(folders())).isEmpty();
    }

    @Test
    void aFinishedDownloadIsRememberedForTheNextEngineStart() throws Exception {
        GpuSwitch gpu = new GpuSwitch(() -> Optional.of("NVRM version: 570.86"), (cache, flavor, bytes) -> {
            assertThat(cache).isEqualTo(dir.resolve("djl"));
            assertThat(flavor).isEqualTo(GpuSwitch.FLAVOR);
        }, folders());

        assertThat(gpu.enable(b -> { }).ready()).isTrue();
        assertThat(Files.readString(dir.resolve("data").resolve(GpuSwitch.CHOICE_FILE)).trim()).isEqualTo("cu128");
        GpuSwitch.forgetChoice(folders());
        assertThat(GpuSwitch.applySavedChoice(folders())).isEmpty();
    }

    @Test
    void theExplanationShowsTheDownloadSizeAndWhereItGoes() {
        GpuSwitch gpu = new GpuSwitch(Optional::empty, (c, f, b) -> { }, folders());
        assertThat(gpu.explanation()).contains("2.6 GB").contains(dir.resolve("djl").toString());
    }
}
