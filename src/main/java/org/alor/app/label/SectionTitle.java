package org.alor.app.label;

import javafx.scene.control.Label;

/** The small heading above a part of the labeling screen. */
final class SectionTitle {
    private SectionTitle() {
    }

    static Label of(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
