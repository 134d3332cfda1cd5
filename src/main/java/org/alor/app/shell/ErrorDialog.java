package org.alor.app.shell;

import org.alor.app.common.ErrorReport;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Shows an {@link ErrorReport}: the cause in words, the stack trace folded away, and "Copy details". */
final class ErrorDialog {
    private ErrorDialog() {
    }

    static Alert build(Window owner, ErrorReport r) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("ALOR Studio");
        alert.setHeaderText(r.title());
        alert.setContentText(r.message());
        TextArea details = new TextArea(r.details());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.OK);
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(r.title() + "\n" + r.message() + "\n\n" + r.details());
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        return alert;
    }

    static void show(Window owner, ErrorReport r) {
        build(owner, r).show();
    }
}
