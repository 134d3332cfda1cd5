package org.alor.app.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the views. */
public final class Views {
    private Views() {
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("page-title");
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    public static FontIcon icon(String code, int size) {
        FontIcon i = new FontIcon(code);
        i.setIconSize(size);
        i.getStyleClass().add("icon");
        return i;
    }

    /** A centred message for a page that has nothing to show yet. */
    public static Node empty(String iconCode, String title, String text) {
        VBox box = new VBox(12, icon(iconCode, 48), title(title), muted(text));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(560);
        box.getStyleClass().add("empty-state");
        VBox outer = new VBox(box);
        outer.setAlignment(javafx.geometry.Pos.CENTER);
        return outer;
    }

    /**
     * An integer spinner that takes typed numbers: committed on Enter, on leaving the field and by
     * {@link #commit} (a typed value must count even when the next click is the button that reads it); text that
     * is not a number in range goes back to the last value.
     */
    public static Spinner<Integer> integerSpinner(int min, int max, int initial) {
        Spinner<Integer> s = new Spinner<>(min, max, initial);
        s.setEditable(true);
        s.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit(s);
        });
        return s;
    }

    /** Takes the spinner's typed text as its value, or restores the last value when the text is not valid. */
    public static void commit(Spinner<Integer> s) {
        try {
            s.commitValue();
        } catch (RuntimeException notANumber) {
            s.cancelEdit();
        }
    }

    public static Insets pagePadding() {
        return new Insets(20, 24, 20, 24);
    }
}
