package org.alor.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small builders shared by the views. */
final class Views {
    private Views() {
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("page-title");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    static FontIcon icon(String code, int size) {
        FontIcon i = new FontIcon(code);
        i.setIconSize(size);
        i.getStyleClass().add("icon");
        return i;
    }

    /** A centred message for a page that has nothing to show yet. */
    static Node empty(String iconCode, String title, String text) {
        VBox box = new VBox(12, icon(iconCode, 48), title(title), muted(text));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(560);
        box.getStyleClass().add("empty-state");
        VBox outer = new VBox(box);
        outer.setAlignment(javafx.geometry.Pos.CENTER);
        return outer;
    }

    static Insets pagePadding() {
        return new Insets(20, 24, 20, 24);
    }
}
