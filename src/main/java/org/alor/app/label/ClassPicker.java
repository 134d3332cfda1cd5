package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class picker beside the image: a query field over every matching class, each row with its names, reference
 * thumbnails and the model's probability for this image. Typing filters, ↑/↓ move, Enter or a click labels,
 * "Compare" sets the image beside the class's examples. The list is virtualised (cells are reused, rows keep
 * their height under demo mode's larger text) and thumbnails load in the background, so 200 classes scroll smoothly.
 */
final class ClassPicker {
    static final int THUMB = 56;
    private final TextField searchField = new TextField();
    private final ListView<ClassSearch.ClassMatch> list = new ListView<>();
    private final VBox box;

    ClassPicker(LabelingViewModel vm, Thumbnails thumbs) {
        searchField.setId("class-search");
        searchField.setPromptText("Scientific or common name, synonym…");
        searchField.textProperty().bindBidirectional(vm.searchQueryProperty());
        list.setId("class-picker-list");
        list.setItems(vm.searchResults());
        list.setFocusTraversable(false);
        list.setCellFactory(lv -> new Row(vm, thumbs));
        list.setPlaceholder(Views.muted("No class matches."));
        vm.searchIndexProperty().addListener((o, a, i) -> highlight(i.intValue()));
        vm.searchResults().addListener((ListChangeListener<ClassSearch.ClassMatch>) c -> highlight(vm.searchIndexProperty().get()));
        Label hint = Views.muted("Enter labels · ↑/↓ choose · Ctrl+Enter compares · Esc closes");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        box = new VBox(6, SectionTitle.of("Find a class"), searchField, list, hint);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setId("class-picker");
        box.getStyleClass().add("class-picker");
        box.setPadding(new Insets(4, 8, 8, 8));
        box.visibleProperty().bind(vm.searchOpenProperty());
    }

    /** Selects row {@code i} and scrolls only as far as needed to show it whole (↓ through a long list moves it one row). */
    private void highlight(int i) {
        list.getSelectionModel().select(i);
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && i > first.getIndex() && i < last.getIndex()) return;
            flow.scrollTo(i);
        } else {
            list.scrollTo(i);
        }
    }

    Node node() {
        return box;
    }

    /** Whether a key event's target is the search field (whose keys still go to the labeling commands). */
    boolean isField(Object target) {
        return target == searchField;
    }

    void focusField() {
        searchField.requestFocus();
        searchField.end();
    }

    /** One class: names and probability on top, reference thumbnails and "Compare" below; built once per cell, refilled per item. */
    private static final class Row extends ListCell<ClassSearch.ClassMatch> {
        private final LabelingViewModel vm;
        private final Label names = new Label();
        private final Label prob = new Label();
        private final HBox refs = new HBox(4);
        private final List<Thumbnails.Slot> slots = new ArrayList<>();
        private final Label noRefs = Views.muted("no reference images yet");
        private final Hyperlink compare = new Hyperlink("Compare");
        private final HBox content;

        Row(LabelingViewModel vm, Thumbnails thumbs) {
            this.vm = vm;
            for (int i = 0; i < LabelingSession.REFERENCES_PER_CLASS; i++) slots.add(thumbs.slot(THUMB, 220, "picker-thumb"));
            getStyleClass().add("picker-row");
            names.getStyleClass().add("picker-names");
            names.setWrapText(true);
            names.setMinHeight(Region.USE_PREF_SIZE);
            prob.getStyleClass().add("picker-prob");
            prob.setMinWidth(Region.USE_PREF_SIZE);
            compare.getStyleClass().add("picker-compare");
            compare.setFocusTraversable(false);
            compare.setMinWidth(Region.USE_PREF_SIZE);
            compare.addEventHandler(MouseEvent.MOUSE_CLICKED, Event::consume);
            compare.setOnAction(e -> {
                compare.setVisited(false);
                if (getItem() != null) vm.compare(getItem().classId());
            });
            VBox left = new VBox(4, names, refs);
            left.setMinWidth(0);
            HBox.setHgrow(left, Priority.ALWAYS);
            VBox right = new VBox(8, prob, compare);
            right.setAlignment(Pos.TOP_RIGHT);
            right.setMinWidth(Region.USE_PREF_SIZE);
            content = new HBox(8, left, right);
            content.setMinWidth(0);
            content.setPrefWidth(1);
            setOnMouseClicked(e -> {
                if (getItem() != null) vm.label(getItem().classId());
            });
        }

        @Override
        protected void updateItem(ClassSearch.ClassMatch m, boolean empty) {
            super.updateItem(m, empty);
            setText(null);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            names.setText(namesOf(m));
            prob.setText(m.probability() == null ? "" : String.format(Locale.ROOT, "%.2f", m.probability()));
            List<Path> files = vm.references(m.classId());
            List<Node> shown = new ArrayList<>();
            for (int i = 0; i < Math.min(files.size(), slots.size()); i++) {
                slots.get(i).show(files.get(i));
                shown.add(slots.get(i).node());
            }
            if (files.isEmpty()) shown.add(noRefs);
            if (!refs.getChildren().equals(shown)) refs.getChildren().setAll(shown);
            setGraphic(content);
        }

        /** "Scientific — Common (matched synonym)": the synonym only when it is what matched. */
        static String namesOf(ClassSearch.ClassMatch m) {
            String common = m.commonName().equals(m.name()) ? "" : " — " + m.commonName();
            String via = m.matchedName().equals(m.name()) || m.matchedName().equals(m.commonName()) ? "" : " (" + m.matchedName() + ")";
            return m.name() + common + via;
        }
    }
}
