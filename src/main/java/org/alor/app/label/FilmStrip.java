package org.alor.app.label;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.Locale;

/** The queue around the current image as marked thumbnails (click moves there), between ◀ prev and next ▶. */
final class FilmStrip {
    private final LabelingViewModel vm;
    private final Thumbnails thumbs;
    private final HBox filmStrip = new HBox(6);
    private final HBox nav;

    FilmStrip(LabelingViewModel vm, Thumbnails thumbs) {
        this.vm = vm;
        this.thumbs = thumbs;
        Button prev = new Button("◀ prev");
        prev.setFocusTraversable(false);
        prev.setMinWidth(Region.USE_PREF_SIZE);
        prev.setOnAction(e -> vm.previous());
        Button next = new Button("next ▶");
        next.setFocusTraversable(false);
        next.setMinWidth(Region.USE_PREF_SIZE);
        next.setOnAction(e -> vm.next());
        ScrollPane strip = new ScrollPane(filmStrip);
        strip.setFitToHeight(true);
        strip.setPrefHeight(84);
        strip.setMinHeight(84);
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        strip.setFocusTraversable(false);
        strip.getStyleClass().add("film-strip");
        HBox.setHgrow(strip, Priority.ALWAYS);
        nav = new HBox(8, prev, strip, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        vm.entries().addListener((ListChangeListener<LabelQueue.Entry>) c -> show());
        show();
    }

    Node node() {
        return nav;
    }

    private void show() {
        filmStrip.getChildren().clear();
        List<LabelQueue.Entry> entries = vm.entries();
        QueueItem cur = vm.currentItemProperty().get();
        int at = 0;
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).item().equals(cur)) at = i;
        int from = Math.max(0, at - 4);
        int to = Math.min(entries.size(), from + 16);
        for (int i = from; i < to; i++) {
            LabelQueue.Entry e = entries.get(i);
            Node thumb = thumbs.framed(e.item().file(), 56, 160);
            Label mark = new Label(e.status().symbol());
            mark.getStyleClass().addAll("strip-mark", "strip-" + e.status().name().toLowerCase(Locale.ROOT));
            StackPane cell = new StackPane(thumb, mark);
            StackPane.setAlignment(mark, Pos.TOP_RIGHT);
            cell.getStyleClass().add("strip-cell");
            if (e.item().equals(cur)) cell.getStyleClass().add("strip-current");
            cell.setOnMouseClicked(ev -> vm.moveTo(e.item()));
            filmStrip.getChildren().add(cell);
        }
    }
}
