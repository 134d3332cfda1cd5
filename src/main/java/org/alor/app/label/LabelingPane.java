package org.alor.app.label;

import org.alor.app.common.ImageCache;
import org.alor.app.common.Views;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The labeling screen (UI.md): header, the current image large with the film strip below, the model's
 * suggestions with reference thumbnails, and why the image was picked. Keys go to
 * {@link LabelingViewModel#onKey}; this class only binds.
 */
final class LabelingPane {
    private static final int PREFETCH = 3;
    private final LabelingViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageCache images = new ImageCache(1024, 24);
    private final ImageCache thumbs = new ImageCache(128, 300);
    private final ImageView imageView = new ImageView();
    private final Label imageMessage = new Label();
    private final VBox suggestionBox = new VBox(10);
    private final HBox filmStrip = new HBox(6);
    private final TextField searchField = new TextField();
    private final ListView<ClassSearch.ClassMatch> searchList = new ListView<>();
    private final Node roundChooser;

    LabelingPane(LabelingViewModel vm) {
        this(vm, null);
    }

    /** @param roundChooser shown in the header (e.g. to switch rounds), may be null */
    LabelingPane(LabelingViewModel vm, Node roundChooser) {
        this.vm = vm;
        this.roundChooser = roundChooser;
        root.getStyleClass().add("labeling");
        root.setId("labeling-pane");
        root.setFocusTraversable(true);
        root.setTop(header());
        root.setCenter(centre());
        root.setRight(whyPanel());
        // keys are taken at the scene, so they work wherever the focus is (e.g. still on the rail button)
        javafx.event.EventHandler<KeyEvent> keyFilter = this::onKey;
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.removeEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
            if (scene != null) scene.addEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
        });
        root.setOnMouseClicked(e -> root.requestFocus());
        vm.currentItemProperty().addListener((o, a, item) -> showCurrent());
        vm.suggestions().addListener((ListChangeListener<Suggestion>) c -> showSuggestions());
        vm.entries().addListener((ListChangeListener<LabelQueue.Entry>) c -> showFilmStrip());
        vm.searchOpenProperty().addListener((o, a, open) -> {
            if (open) {
                searchField.requestFocus();
                searchField.end();
            } else {
                root.requestFocus();
            }
        });
        showCurrent();
        showSuggestions();
        showFilmStrip();
    }

    Parent root() {
        return root;
    }

    void focus() {
        Platform.runLater(root::requestFocus);
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl t && t != searchField) return;
        if (e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>) return;
        KeyStroke k = KeyStroke.of(e);
        boolean wasOpen = vm.searchOpenProperty().get();
        if (vm.onKey(k)) {
            // a letter opening the search is left unconsumed: its KEY_TYPED then lands in the focused search field
            boolean openedByTyping = !wasOpen && vm.searchOpenProperty().get() && !k.shortcut() && k.code().isLetterKey();
            if (openedByTyping) vm.searchQueryProperty().set("");
            else e.consume();
        }
    }

    // ---- layout ---------------------------------------------------------------------------------

    private Node header() {
        Label header = new Label();
        header.setId("labeling-header");
        header.getStyleClass().add("labeling-header");
        header.textProperty().bind(vm.headerProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton review = new ToggleButton("Review unsure");
        review.setId("review-toggle");
        review.setFocusTraversable(false);
        review.selectedProperty().addListener((o, a, on) -> {
            vm.setReview(on);
            root.requestFocus();
        });
        Label progress = new Label();
        progress.setId("labeling-progress");
        progress.textProperty().bind(vm.progressProperty());
        HBox box = new HBox(12, header, spacer, progress, review);
        if (roundChooser != null) box.getChildren().add(2, roundChooser);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 16, 8, 16));
        return box;
    }

    private Node centre() {
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        imageView.setId("current-image");
        imageMessage.getStyleClass().add("image-message");
        imageMessage.setWrapText(true);
        StackPane imagePane = new StackPane(imageView, imageMessage);
        Node search = searchOverlay();
        imagePane.getStyleClass().add("image-pane");
        imagePane.setMinSize(200, 200);
        installZoom(imagePane);
        imageView.fitWidthProperty().bind(imagePane.widthProperty().subtract(16));
        imageView.fitHeightProperty().bind(imagePane.heightProperty().subtract(16));
        StackPane.setAlignment(searchOverlayNode, Pos.TOP_CENTER);

        Label done = new Label("Round complete: every picked image has a decision. Review unsure ones with “Review unsure”, "
                + "or use ← to correct a label.");
        done.setWrapText(true);
        done.getStyleClass().add("round-done");
        done.visibleProperty().bind(vm.finishedProperty());
        done.managedProperty().bind(vm.finishedProperty());

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
        HBox nav = new HBox(8, prev, strip, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        Label help = Views.muted(KeyboardMapping.HELP);
        help.getStyleClass().add("key-help");
        help.setMinHeight(Region.USE_PREF_SIZE);

        Node grid = gridView();
        imagePane.visibleProperty().bind(vm.gridProperty().not());
        StackPane main = new StackPane(imagePane, grid, search);
        VBox left = new VBox(8, done, main, nav, help);
        VBox.setVgrow(main, Priority.ALWAYS);
        left.setPadding(new Insets(0, 8, 12, 16));

        ScrollPane sugScroll = new ScrollPane(suggestionBox);
        sugScroll.setFitToWidth(true);
        sugScroll.setPrefWidth(330);
        sugScroll.setMinWidth(320);
        sugScroll.setFocusTraversable(false);
        sugScroll.getStyleClass().add("suggestions");
        suggestionBox.setPadding(new Insets(4, 8, 8, 8));
        HBox box = new HBox(left, sugScroll);
        HBox.setHgrow(left, Priority.ALWAYS);
        return box;
    }

    private VBox searchOverlayNode;
    private double dragX;
    private double dragY;

    /** Scroll zooms the image (1×–8×), dragging pans it; a new image starts unzoomed. */
    private void installZoom(StackPane pane) {
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        pane.setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            double s = Math.max(1, Math.min(8, imageView.getScaleX() * factor));
            imageView.setScaleX(s);
            imageView.setScaleY(s);
            if (s == 1) resetZoom();
            e.consume();
        });
        pane.setOnMousePressed(e -> {
            dragX = e.getSceneX() - imageView.getTranslateX();
            dragY = e.getSceneY() - imageView.getTranslateY();
        });
        pane.setOnMouseDragged(e -> {
            if (imageView.getScaleX() <= 1) return;
            imageView.setTranslateX(e.getSceneX() - dragX);
            imageView.setTranslateY(e.getSceneY() - dragY);
        });
    }

    private void resetZoom() {
        imageView.setScaleX(1);
        imageView.setScaleY(1);
        imageView.setTranslateX(0);
        imageView.setTranslateY(0);
    }

    /** Grid mode: the whole queue as thumbnails; click, Ctrl+click, Shift+click select, then a key assigns. */
    private Node gridView() {
        org.controlsfx.control.GridView<LabelQueue.Entry> grid = new org.controlsfx.control.GridView<>(vm.entries());
        grid.setId("label-grid");
        grid.setCellWidth(150);
        grid.setCellHeight(124);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setFocusTraversable(false);
        grid.setCellFactory(g -> new org.controlsfx.control.GridCell<>() {
            @Override
            protected void updateItem(LabelQueue.Entry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("grid-selected", "grid-current");
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                ImageView v = new ImageView(thumbs.get(e.item().file()));
                v.setFitWidth(146);
                v.setFitHeight(100);
                v.setPreserveRatio(true);
                Label caption = new Label(e.status().symbol() + " " + (e.classId() == null ? "" : vm.className(e.classId())));
                caption.getStyleClass().add("grid-caption");
                setGraphic(new VBox(2, v, caption));
                if (vm.gridSelection().contains(e.item())) getStyleClass().add("grid-selected");
                if (e.item().equals(vm.currentItemProperty().get())) getStyleClass().add("grid-current");
                setOnMouseClicked(ev -> {
                    vm.select(e.item(), ev.isShortcutDown() || ev.isControlDown(), ev.isShiftDown());
                    root.requestFocus();
                });
            }
        });
        vm.gridSelection().addListener((javafx.collections.SetChangeListener<QueueItem>) c -> vm.entries().setAll(vm.queue().entries()));
        grid.visibleProperty().bind(vm.gridProperty());
        Label hint = Views.muted("Grid: click, Ctrl+click or Shift+click to select; 1–5 or the class search assign one class to all selected.");
        VBox box = new VBox(6, hint, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.visibleProperty().bind(vm.gridProperty());
        return box;
    }

    private Node searchOverlay() {
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
        searchOverlayNode = new VBox(6, searchField, searchList, hint);
        searchOverlayNode.getStyleClass().add("search-overlay");
        searchOverlayNode.setMaxWidth(520);
        searchOverlayNode.setMaxHeight(Region.USE_PREF_SIZE);
        searchOverlayNode.visibleProperty().bind(vm.searchOpenProperty());
        return searchOverlayNode;
    }

    private Node whyPanel() {
        Label whyTitle = section("Why this image");
        Label reason = new Label();
        reason.setId("why-reason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        Label provTitle = section("Provenance");
        Label prov = new Label();
        prov.setId("provenance");
        prov.setWrapText(true);
        prov.textProperty().bind(vm.provenanceProperty());
        Label state = new Label();
        state.setId("current-label");
        state.setWrapText(true);
        state.getStyleClass().add("current-label");
        state.textProperty().bind(vm.currentLabelProperty());
        Label recentTitle = section("Recent");
        ListView<String> recent = new ListView<>(vm.recent());
        recent.setId("recent-actions");
        recent.setFocusTraversable(false);
        recent.setPrefHeight(170);
        VBox box = new VBox(8, whyTitle, reason, state, provTitle, prov, recentTitle, recent);
        box.setPadding(new Insets(4, 16, 12, 8));
        box.setPrefWidth(250);
        box.setMinWidth(220);
        box.getStyleClass().add("why-panel");
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    // ---- updates ----------------------------------------------------------------------------------

    private void showCurrent() {
        QueueItem item = vm.currentItemProperty().get();
        if (item == null) {
            imageView.setImage(null);
            imageMessage.setText("");
            return;
        }
        Image img = images.get(item.file());
        resetZoom();
        imageView.setImage(img);
        updateMessage(img, item.file());
        img.errorProperty().addListener((o, a, err) -> {
            if (vm.currentItemProperty().get() == item) updateMessage(img, item.file());
        });
        images.prefetch(vm.prefetch(PREFETCH));
    }

    private void updateMessage(Image img, Path file) {
        if (img.isError()) {
            imageView.setImage(null);
            imageMessage.setText("⚠ Cannot show " + file.getFileName() + " (missing or not an image).\n"
                    + "Label it from the suggestions anyway, skip (S) or mark unsure (U).");
            imageMessage.getStyleClass().setAll("label", "image-message", "warning");
        } else {
            imageMessage.setText("");
        }
    }

    private void showSuggestions() {
        suggestionBox.getChildren().clear();
        Label title = section("Model suggestions");
        suggestionBox.getChildren().add(title);
        List<Suggestion> list = vm.suggestions();
        if (list.isEmpty()) {
            suggestionBox.getChildren().add(Views.muted("No model predictions for this image: type to search the classes."));
        }
        for (Suggestion s : list) suggestionBox.getChildren().add(suggestionRow(s));
    }

    private Node suggestionRow(Suggestion s) {
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
        for (Path ref : s.references()) refs.getChildren().add(thumbnail(ref, 64, 220));
        if (s.references().isEmpty()) refs.getChildren().add(Views.muted("no reference images yet"));
        row.getChildren().add(refs);
        row.getStyleClass().add("suggestion");
        row.setId("suggestion-" + s.rank());
        row.setOnMouseClicked(e -> vm.accept(s.rank()));
        return row;
    }

    private Node thumbnail(Path file, int size, int hoverSize) {
        ImageView v = new ImageView(thumbs.get(file));
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setPreserveRatio(true);
        StackPane frame = new StackPane(v);
        frame.setPrefSize(size, size);
        frame.setMinSize(size, size);
        frame.getStyleClass().add("thumb");
        ImageView big = new ImageView(thumbs.get(file));
        big.setFitWidth(hoverSize);
        big.setFitHeight(hoverSize);
        big.setPreserveRatio(true);
        Tooltip tip = new Tooltip(file.getFileName().toString());
        tip.setGraphic(big);
        tip.setShowDelay(javafx.util.Duration.millis(200));
        Tooltip.install(frame, tip);
        return frame;
    }

    private void showFilmStrip() {
        filmStrip.getChildren().clear();
        List<LabelQueue.Entry> entries = vm.entries();
        QueueItem cur = vm.currentItemProperty().get();
        int at = 0;
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).item().equals(cur)) at = i;
        int from = Math.max(0, at - 4);
        int to = Math.min(entries.size(), from + 16);
        for (int i = from; i < to; i++) {
            LabelQueue.Entry e = entries.get(i);
            Node thumb = thumbnail(e.item().file(), 56, 160);
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
