package org.alor.app.label;

import org.alor.app.common.Views;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The labeling screen (UI.md): header, the current image large with the film strip below, the model's
 * suggestions with reference thumbnails, and why the image was picked. Composes those controls and routes
 * the keys to {@link LabelingViewModel#onKey}; the controls only bind.
 */
final class LabelingPane {
    private final LabelingViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Thumbnails thumbs = new Thumbnails();
    private final ClassPicker search;

    private final Runnable startNextRound;
    /** the key that just opened the picker without typing (/, Ctrl+F) must not type itself into it */
    private boolean swallowTyped;

    LabelingPane(LabelingViewModel vm) {
        this(vm, null, null);
    }

    /**
     * @param roundChooser   shown in the header (e.g. to switch rounds), may be null
     * @param startNextRound the "Start round N+1" action once every pick has a decision; null hides it
     */
    LabelingPane(LabelingViewModel vm, Node roundChooser, Runnable startNextRound) {
        this.vm = vm;
        this.startNextRound = startNextRound;
        Runnable refocus = root::requestFocus;
        this.search = new ClassPicker(vm, thumbs);
        root.getStyleClass().add("labeling");
        root.setId("labeling-pane");
        root.setFocusTraversable(true);
        root.setTop(new LabelingHeader(vm, roundChooser, refocus).node());
        root.setCenter(centre(refocus));
        root.setRight(new WhyPanel(vm).node());
        // keys are taken at the scene, so they work wherever the focus is (e.g. still on the rail button)
        EventHandler<KeyEvent> keyFilter = this::onKey;
        EventHandler<KeyEvent> typedFilter = this::onTyped;
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
                old.removeEventFilter(KeyEvent.KEY_TYPED, typedFilter);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keyFilter);
                scene.addEventFilter(KeyEvent.KEY_TYPED, typedFilter);
            }
        });
        root.setOnMouseClicked(e -> root.requestFocus());
        vm.searchOpenProperty().addListener((o, a, open) -> {
            if (open) search.focusField();
            else root.requestFocus();
        });
    }

    Parent root() {
        return root;
    }

    void focus() {
        Platform.runLater(root::requestFocus);
    }

    private void onKey(KeyEvent e) {
        swallowTyped = false;
        if (e.getTarget() instanceof TextInputControl && !search.isField(e.getTarget())) return;
        if (e.getTarget() instanceof ComboBoxBase<?>) return;
        KeyStroke k = KeyStroke.of(e);
        boolean wasOpen = vm.searchOpenProperty().get();
        if (vm.onKey(k)) {
            // a letter opening the search is left unconsumed: its KEY_TYPED then lands in the focused search field
            boolean openedByTyping = !wasOpen && vm.searchOpenProperty().get() && !k.shortcut() && k.code().isLetterKey();
            if (openedByTyping) vm.searchQueryProperty().set("");
            else e.consume();
            // "/" opens the picker; its KEY_TYPED would otherwise land in the just-focused field and match nothing
            swallowTyped = !wasOpen && vm.searchOpenProperty().get() && !openedByTyping;
        }
    }

    private void onTyped(KeyEvent e) {
        if (swallowTyped) e.consume();
        swallowTyped = false;
    }

    /** Where the image was, once every pick has a decision: what was decided and the next round's action. */
    private Node donePanel() {
        Label text = new Label();
        text.setId("round-done-text");
        text.setWrapText(true);
        text.getStyleClass().add("round-done-text");
        text.textProperty().bind(vm.completionProperty());
        Label hint = new Label("Review unsure ones with “Review unsure”, or use ← to correct a label.");
        hint.setWrapText(true);
        VBox box = new VBox(12, text, hint);
        if (startNextRound != null) {
            Button next = new Button();
            next.setId("start-next-round");
            next.getStyleClass().add("accent");
            next.setGraphic(Views.icon("mdi2p-play", 16));
            next.textProperty().bind(vm.nextRoundProperty());
            next.setFocusTraversable(false);
            next.setOnAction(e -> startNextRound.run());
            box.getChildren().add(next);
        }
        box.setId("round-done");
        box.getStyleClass().add("round-done");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(520, Region.USE_PREF_SIZE);
        box.setPadding(new Insets(16));
        box.visibleProperty().bind(vm.finishedProperty().and(vm.currentItemProperty().isNull()).and(vm.gridProperty().not()));
        return box;
    }

    /**
     * The image (or the grid, or the compare view), the round-done note, the film strip and the key help; beside
     * them the suggestions, or the class picker while it is open (never over the image).
     */
    private Node centre(Runnable refocus) {
        Node grid = new LabelGrid(vm, thumbs, refocus).node();
        StackPane imagePane = new ImageViewer(vm).node();
        Node suggestions = new SuggestionList(vm, thumbs).node();
        Node filmStrip = new FilmStrip(vm, thumbs).node();
        Node compare = new ComparePane(vm).node();
        suggestions.visibleProperty().bind(vm.searchOpenProperty().not());
        StackPane side = new StackPane(suggestions, search.node());
        // its width is in the style sheets (room for a picker row: four 56 px thumbnails, the probability,
        // "Compare"), which demo mode's larger text widens
        side.getStyleClass().add("label-side");

        Node done = donePanel();

        Label help = Views.muted(KeyboardMapping.HELP);
        help.getStyleClass().add("key-help");
        help.setMinHeight(Region.USE_PREF_SIZE);

        StackPane main = new StackPane(imagePane, grid, done, compare);
        VBox left = new VBox(8, main, filmStrip, help);
        VBox.setVgrow(main, Priority.ALWAYS);
        left.setPadding(new Insets(0, 8, 12, 16));
        HBox box = new HBox(left, side);
        HBox.setHgrow(left, Priority.ALWAYS);
        return box;
    }
}
