package org.alor.app.settings;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.alor.clip.EngineInfo;
import org.alor.loop.doctor.Doctor;
import org.alor.loop.doctor.GpuSwitch;
import org.alor.loop.doctor.UserFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 items 4-5: Settings' GPU switch without a driver and offline, and the doctor report with Copy. */
@ExtendWith(ApplicationExtension.class)
class SupportDialogsFxTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private UserFolders folders() {
        return new UserFolders(dir.resolve("data"), dir.resolve("djl"), dir.resolve("alor.log"));
    }

    @Test
    void withoutADriverTheDialogSaysSoAndOffersNoDownload(FxRobot robot) {
        GpuSwitch gpu = new GpuSwitch(Optional::empty, (c, f, b) -> {
            throw new AssertionError("must not download");
        }, folders());
        GpuDialog[] dialog = new GpuDialog[1];
        robot.interact(() -> dialog[0] = new GpuDialog(gpu, () -> { }, stage));
        assertThat(dialog[0].dialog().getHeaderText()).isEqualTo("No NVIDIA driver found");
        assertThat(dialog[0].message().getText()).contains("No NVIDIA driver found").contains("keeps using the CPU");
        assertThat(dialog[0].dialog().getDialogPane().lookup("#gpu-download")).isNull();
    }

    @Test
    void anOfflineDownloadKeepsTheCpuAndSaysWhy(FxRobot robot) throws Exception {
        GpuSwitch gpu = new GpuSwitch(() -> Optional.of("NVRM version: 570.86"), (c, f, b) -> {
            throw new IOException("offline (publish.djl.ai unreachable)");
        }, folders());
        AtomicBoolean switched = new AtomicBoolean();
        GpuDialog[] dialog = new GpuDialog[1];
        robot.interact(() -> dialog[0] = new GpuDialog(gpu, () -> switched.set(true), stage));
        assertThat(dialog[0].message().getText()).contains("2.6 GB");
        robot.interact(() -> ((Button) dialog[0].dialog().getDialogPane().lookup("#gpu-download")).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog[0].message().getText().contains("failed"));
        assertThat(dialog[0].message().getText()).contains("offline (publish.djl.ai unreachable)").contains("keeps using the CPU");
        assertThat(switched).isFalse();
    }

    @Test
    void theDoctorReportIsShownAndCanBeCopied(FxRobot robot) throws Exception {
        SupportTools tools = new SupportTools(() -> new Doctor(
                () -> new EngineInfo("0.36.0", "PyTorch", "2.7.1", "/c/2.7.1-cpu-linux-x86_64", "cpu", 0),
                (c, d, b) -> 99.0, Optional::empty, folders()), () -> null, Optional::empty);
        DoctorDialog[] dialog = new DoctorDialog[1];
        robot.interact(() -> dialog[0] = new DoctorDialog(tools, stage));
        TextArea text = (TextArea) dialog[0].dialog().getDialogPane().lookup("#doctor-text");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text.getText().contains("No problems found."));
        assertThat(text.getText()).contains("PyTorch 2.7.1, flavor cpu").contains("NVIDIA driver");
        Button copy = (Button) dialog[0].dialog().getDialogPane().lookup("#doctor-copy");
        assertThat(copy.isDisabled()).isFalse();
    }
}
