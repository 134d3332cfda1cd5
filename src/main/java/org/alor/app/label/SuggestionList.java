package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.event.Event;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The model's suggestions for the current image, each with its key, probability and reference thumbnails; a click accepts. */
final class SuggestionList {
    private final LabelingViewModel vm;
    private final Thumbnails thumbs;
    private final VBox suggestionBox = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(suggestionBox);

    SuggestionList(LabelingViewModel vm, Thumbnails thumbs) {
        this.vm = vm;
        this.thumbs = thumbs;
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(320);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("suggestions");
        suggestionBox.setPadding(new Insets(4, 8, 8, 8));
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> show());
        vm.currentItemProperty().addListener((obs, was, now) -> show());
        show();
    }

    Node node() {
        return scroll;
    }

    private void show() {
        suggestionBox.getChildren().clear();
        suggestionBox.getChildren().add(SectionTitle.of("Model suggestions"));
        Hyperlink all = new Hyperlink("All classes… (type a name or /)");
        all.setId("open-picker");
        all.setFocusTraversable(false);
        all.setOnAction(e -> vm.openSearch(""));
        suggestionBox.getChildren().add(all);
        List<Suggestion> list = vm.suggestions();
        if (list.isEmpty() && vm.currentItemProperty().get() != null) {
            suggestionBox.getChildren().add(Views.muted("No model predictions for this image: type to search the classes."));
        }
        for (Suggestion s : list) suggestionBox.getChildren().add(row(s));
    }

    private Node row(Suggestion s) {
        Label key = new Label(Integer.toString(s.rank()));
        key.getStyleClass().add("key-cap");
        Label name = new Label(s.name());
        name.getStyleClass().add("suggestion-name");
        Label common = Views.muted(s.commonName().equals(s.name()) ? "" : s.commonName());
        VBox names = new VBox(0, name, common);
        HBox top = new HBox(8, key, names);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, top);
        if (s.probability() != null) {
            ProgressBar bar = new ProgressBar(s.probability());
            bar.setPrefWidth(200);
            bar.getStyleClass().add("probability");
            Label p = new Label(String.format(Locale.ROOT, "%.2f", s.probability()));
            HBox probRow = new HBox(8, bar, p);
            probRow.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().add(probRow);
        } else {
            row.getChildren().add(Views.muted("the class it was picked for"));
        }
        HBox refs = new HBox(4);
        for (Path ref : s.references()) refs.getChildren().add(thumbs.framed(ref, 64, 220));
        if (s.references().isEmpty()) refs.getChildren().add(Views.muted("no reference images yet"));
        row.getChildren().add(refs);
        Hyperlink compare = new Hyperlink("Compare side by side");
        compare.setId("compare-suggestion-" + s.rank());
        compare.setFocusTraversable(false);
        compare.addEventHandler(MouseEvent.MOUSE_CLICKED, Event::consume);
        compare.setOnAction(e -> vm.compare(s.classId()));
        row.getChildren().add(compare);
        row.getStyleClass().add("suggestion");
        row.setId("suggestion-" + s.rank());
        row.setOnMouseClicked(e -> vm.accept(s.rank()));
        return row;
    }
}
