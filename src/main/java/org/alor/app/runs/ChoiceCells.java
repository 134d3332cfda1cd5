package org.alor.app.runs;

import org.alor.app.common.ChoiceNames;
import org.alor.app.common.Views;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;

import java.util.function.Function;

/** A method or strategy list that explains itself: each row its full name and what it does, the choice's note below. */
final class ChoiceCells {
    private ChoiceCells() {
    }

    /** Rows read "CT — contrastive tuning: fine-tunes both towers …"; the closed list shows "CT — contrastive tuning". */
    static <T> void explain(ComboBox<T> box, Function<T, ChoiceNames.Note> notes) {
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : notes.apply(item).line());
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : notes.apply(item).title());
            }
        });
        box.setStyle("-fx-pref-width: 16.5em;"); // the longest title in the current font size, demo mode's too
    }

    /** The chosen value's one-line explanation, following the choice. */
    static <T> Label note(ComboBox<T> box, Function<T, ChoiceNames.Note> notes, String id) {
        Label note = Views.muted("");
        note.setId(id);
        note.setWrapText(true);
        // as wide as its list, and as tall as its wrapped lines need (a grid row would otherwise give it one line)
        note.prefWidthProperty().bind(box.widthProperty());
        note.maxWidthProperty().bind(box.widthProperty());
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.textProperty().bind(Bindings.createStringBinding(
                () -> box.getValue() == null ? "" : notes.apply(box.getValue()).note(), box.valueProperty()));
        return note;
    }
}
