package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The class search over the image: a query field, the ranked hits (click selects, double-click assigns). */
final class ClassSearchOverlay {
    private final TextField searchField = new TextField();
    private final ListView<ClassSearch.ClassMatch> searchList = new ListView<>();
    private final VBox overlay;

    ClassSearchOverlay(LabelingViewModel vm) {
        searchField.setId("class-search");
        searchField.setPromptText("Search scientific or common names, synonyms…");
        searchField.textProperty().bindBidirectional(vm.searchQueryProperty());
        searchList.setId("class-search-results");
        searchList.setItems(vm.searchResults());
        searchList.setPrefHeight(260);
        searchList.setFocusTraversable(false);
        searchList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ClassSearch.ClassMatch m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.display());
            }
        });
        vm.searchIndexProperty().addListener((o, a, i) -> {
            searchList.getSelectionModel().select(i.intValue());
            searchList.scrollTo(i.intValue());
        });
        vm.searchResults().addListener((ListChangeListener<ClassSearch.ClassMatch>) c ->
                searchList.getSelectionModel().select(vm.searchIndexProperty().get()));
        searchList.setOnMouseClicked(e -> {
            int i = searchList.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.searchIndexProperty().set(i);
                if (e.getClickCount() == 2) vm.confirmSearch();
            }
        });
        Label hint = Views.muted("Enter assigns · ↑/↓ choose · Esc closes");
        overlay = new VBox(6, searchField, searchList, hint);
        overlay.getStyleClass().add("search-overlay");
        overlay.setMaxWidth(520);
        overlay.setMaxHeight(Region.USE_PREF_SIZE);
        overlay.visibleProperty().bind(vm.searchOpenProperty());
    }

    Node node() {
        return overlay;
    }

    /** Whether a key event's target is the search field (whose keys still go to the labeling commands). */
    boolean isField(Object target) {
        return target == searchField;
    }

    void focusField() {
        searchField.requestFocus();
        searchField.end();
    }
}
