package org.alor.app.label;

import org.alor.app.common.OpenProject;
import org.alor.app.common.PageHost;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;
import org.alor.app.retrieval.RetrievedImageExclusion;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.alor.store.RoundRecord;

import java.util.ArrayList;
import java.util.List;

/** Label: loads a round's queue in the background (the latest round with picks first), then shows the {@link LabelingPane}. */
public final class LabelingView {
    private final PageHost model;
    private final OpenProject project;
    private final PredictionSource predictions;
    private final StackPane root = new StackPane(new Label("Loading the labeling queue…"));
    private final ComboBox<Integer> rounds = new ComboBox<>();

    public LabelingView(PageHost model, OpenProject project, PredictionSource predictions) {
        this.model = model;
        this.project = project;
        this.predictions = predictions;
        root.getStyleClass().add("labeling-view");
        rounds.setId("labeling-round");
        rounds.setFocusTraversable(false);
        rounds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer r) {
                return r == null ? "" : "Round " + r;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        Task<List<Integer>> find = new TaskJob<>("Finding rounds to label", p -> {
            List<Integer> out = new ArrayList<>();
            for (RoundRecord r : project.store().roundTable().all()) {
                if (!project.store().roundTable().selections(r.index()).isEmpty()) out.add(r.index());
            }
            return out;
        });
        find.setOnSucceeded(e -> {
            List<Integer> list = find.getValue();
            if (list.isEmpty()) {
                root.getChildren().setAll(Views.empty("mdi2t-tag-off-outline", "Nothing to label",
                        "No round has selected images yet. Run a round (Runs) and its picks appear here."));
                return;
            }
            rounds.setItems(FXCollections.observableArrayList(list));
            rounds.setValue(list.get(list.size() - 1));
            rounds.valueProperty().addListener((o, a, r) -> {
                if (r != null) load(r);
            });
            load(rounds.getValue());
        });
        find.setOnFailed(e -> model.report("Loading the labeling queue failed", find.getException()));
        model.jobs().submit(find);
    }

    private void load(int round) {
        boolean safe = model.preferences().safeContent();
        Task<LabelingSession> load = new TaskJob<>("Loading round " + round,
                p -> LabelingSession.load(project.store(), round, predictions,
                        RetrievedImageExclusion.showRetrievedImages(project.store(), safe)));
        load.setOnSucceeded(e -> {
            LabelingViewModel vm = new LabelingViewModel(project.store(), load.getValue(), model.preferences().labeler(),
                    model.jobs().storeWriter(), ex -> Platform.runLater(() -> model.report("Saving a label failed", ex)));
            vm.onDecisionSaved(() -> Platform.runLater(model::refreshOverview));
            RoundRecord labeled = load.getValue().round();
            LabelingPane pane = new LabelingPane(vm, rounds, () -> model.startNextRound(labeled));
            root.getChildren().setAll(pane.root());
            pane.focus();
        });
        load.setOnFailed(e -> model.report("Loading the labeling queue failed", load.getException()));
        model.jobs().submit(load);
    }

    public Parent root() {
        return root;
    }
}
