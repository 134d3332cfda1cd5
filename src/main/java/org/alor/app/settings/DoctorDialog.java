package org.alor.app.settings;

import org.alor.loop.doctor.DoctorReport;

import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Duration;

/** Help → Doctor report: `alor doctor`'s report (run in the background, about 15 s) with a Copy button. */
public final class DoctorDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final TextArea text = new TextArea("Checking this machine (a 5-second encode included)…");
    private final Button copy = new Button("Copy");

    public DoctorDialog(SupportTools tools, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Doctor report");
        dialog.setHeaderText("What a support request needs — copy it into your message");
        text.setId("doctor-text");
        text.setEditable(false);
        text.setPrefColumnCount(90);
        text.setPrefRowCount(20);
        text.setStyle("-fx-font-family: monospace");
        copy.setId("doctor-copy");
        copy.setDisable(true);
        Label status = new Label();
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied.");
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        dialog.getDialogPane().setContent(new VBox(8, text, new HBox(8, copy, busy, status)));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Task<DoctorReport> task = new Task<>() {
            @Override
            protected DoctorReport call() {
                return tools.doctor().get().run(tools.encodeModel().get(), Duration.ofSeconds(5));
            }
        };
        task.setOnSucceeded(e -> {
            text.setText(task.getValue().text());
            copy.setDisable(false);
            busy.setVisible(false);
        });
        task.setOnFailed(e -> {
            text.setText("The doctor failed: " + task.getException());
            copy.setDisable(false);
            busy.setVisible(false);
        });
        Thread t = new Thread(task, "doctor");
        t.setDaemon(true);
        t.start();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
