package org.alor.app.settings;

import org.alor.loop.doctor.GpuSwitch;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Settings → "Use an NVIDIA GPU": driver check; without one it says so and changes nothing. With one it explains the
 * one-time CUDA libtorch download (size shown), downloads with a progress bar, and on success sets the device to GPU
 * (the engine restarts on the GPU when ALOR Studio restarts). Failures keep the CPU engine and say why.
 */
public final class GpuDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final Label message = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button download = new Button("Download and use the GPU");

    public GpuDialog(GpuSwitch gpu, Runnable useGpu, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Use an NVIDIA GPU");
        message.setId("gpu-message");
        message.setWrapText(true);
        message.setPrefWidth(520);
        bar.setPrefWidth(520);
        bar.setVisible(false);
        download.setId("gpu-download");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Optional<String> driver = gpu.driver();
        if (driver.isEmpty()) {
            dialog.setHeaderText("No NVIDIA driver found");
            message.setText(GpuSwitch.noDriverMessage());
            dialog.getDialogPane().setContent(new VBox(10, message));
            return;
        }
        dialog.setHeaderText("NVIDIA driver found: " + driver.get());
        message.setText(gpu.explanation());
        download.setOnAction(e -> start(gpu, useGpu));
        dialog.getDialogPane().setContent(new VBox(10, message, bar, download));
    }

    private void start(GpuSwitch gpu, Runnable useGpu) {
        download.setDisable(true);
        bar.setVisible(true);
        Task<GpuSwitch.Outcome> task = new Task<>() {
            @Override
            protected GpuSwitch.Outcome call() {
                return gpu.enable(bytes -> Platform.runLater(() ->
                        bar.setProgress(Math.min(1.0, bytes / (double) GpuSwitch.APPROX_DOWNLOAD_BYTES))));
            }
        };
        task.setOnSucceeded(e -> {
            GpuSwitch.Outcome outcome = task.getValue();
            bar.setProgress(outcome.ready() ? 1 : 0);
            if (outcome.ready()) {
                useGpu.run();
                message.setText(outcome.message() + " Restart ALOR Studio now to start the engine on the GPU.");
            } else {
                message.setText(outcome.message());
                download.setDisable(false);
            }
        });
        Thread t = new Thread(task, "cuda-download");
        t.setDaemon(true);
        t.start();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    Label message() {
        return message;
    }
}
