package org.alor.app;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import java.util.Optional;

/** Label: loads the latest round's queue in the background, then shows the {@link LabelingPane}. */
final class LabelingView {
    private final StackPane root = new StackPane(new Label("Loading the labeling queue…"));

    LabelingView(ShellViewModel model, OpenProject project) {
        root.getStyleClass().add("labeling-view");
        Task<Optional<LabelingSession>> load = new TaskJob<>("Loading the labeling queue", p ->
                LabelingSession.latestLabelingRound(project.store())
                        .map(r -> LabelingSession.load(project.store(), r, model.services().predictions())));
        load.setOnSucceeded(e -> {
            Optional<LabelingSession> s = load.getValue();
            if (s.isEmpty() || s.get().items().isEmpty()) {
                root.getChildren().setAll(Views.empty("mdi2t-tag-off-outline", "Nothing to label",
                        "No round has selected images yet. Run a round (Runs) and its picks appear here."));
                return;
            }
            LabelingViewModel vm = new LabelingViewModel(project.store(), s.get(), model.preferences().labeler(),
                    model.jobs().storeWriter(), ex -> Platform.runLater(() -> model.report("Saving a label failed", ex)));
            LabelingPane pane = new LabelingPane(vm);
            root.getChildren().setAll(pane.root());
            pane.focus();
        });
        load.setOnFailed(e -> model.report("Loading the labeling queue failed", load.getException()));
        model.jobs().submit(load);
    }

    Parent root() {
        return root;
    }
}
