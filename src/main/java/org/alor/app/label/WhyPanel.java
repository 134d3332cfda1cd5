package org.alor.app.label;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
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
        // the path is behind a click: in datasets sorted into class folders it names the answer
        Label path = new Label();
        path.setId("file-path");
        path.setWrapText(true);
        path.getStyleClass().add("muted");
        path.textProperty().bind(vm.filePathProperty());
        Hyperlink showFile = new Hyperlink("Show file");
        showFile.setId("show-file");
        showFile.setFocusTraversable(false);
        showFile.visibleProperty().bind(vm.currentItemProperty().isNotNull());
        showFile.setOnAction(e -> path.setVisible(!path.isVisible()));
        path.managedProperty().bind(path.visibleProperty());
        path.setVisible(false);
        vm.currentItemProperty().addListener((o, a, b) -> path.setVisible(false));
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
        box = new VBox(8, whyTitle, reason, state, provTitle, prov, showFile, path, recentTitle, recent);
        box.setPadding(new Insets(4, 16, 12, 8));
        box.setPrefWidth(250);
        box.setMinWidth(220);
        box.getStyleClass().add("why-panel");
    }

    Node node() {
        return box;
    }
}
