package org.alor.app.label;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The side panel: why the image was picked, its current label, its provenance and the recent decisions. */
final class WhyPanel {
    private final VBox box;

    WhyPanel(LabelingViewModel vm) {
        Label whyTitle = SectionTitle.of("Why this image");
        Label reason = new Label();
        reason.setId("why-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        Label provTitle = SectionTitle.of("Provenance");
        Label prov = new Label();
        prov.setId("provenance");
        prov.setWrapText(true);
        prov.textProperty().bind(vm.provenanceProperty());
        Label state = new Label();
        state.setId("current-label");
        state.setWrapText(true);
        state.getStyleClass().add("current-label");
        state.textProperty().bind(vm.currentLabelProperty());
        Label recentTitle = SectionTitle.of("Recent");
        ListView<String> recent = new ListView<>(vm.recent());
        recent.setId("recent-actions");
        recent.setFocusTraversable(false);
        recent.setPrefHeight(170);
        box = new VBox(8, whyTitle, reason, state, provTitle, prov, recentTitle, recent);
        box.setPadding(new Insets(4, 16, 12, 8));
        box.setPrefWidth(250);
        box.setMinWidth(220);
        box.getStyleClass().add("why-panel");
    }

    Node node() {
        return box;
    }
}
