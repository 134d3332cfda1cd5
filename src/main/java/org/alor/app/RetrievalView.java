package org.alor.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.concurrent.Task;

/**
 * Retrieval: runs the wired {@link RetrievalRunner} on the open project. The full screen of UI.md (class
 * table, long-tail chart, thumbnails) is left for when org.alor.retrieval is merged.
 */
final class RetrievalView {
    private final VBox root = new VBox(16);

    RetrievalView(ShellViewModel model, OpenProject project) {
        root.setPadding(Views.pagePadding());
        root.getChildren().add(Views.title("Retrieval"));
        String corpus = project.overview().settings().getOrDefault(org.alor.store.Settings.CORPUS, "none set");
        root.getChildren().add(Views.muted("Open-data corpus: " + corpus));
        if (model.services().retrieval().isEmpty()) {
            root.getChildren().add(notWired("Retrieval is not part of this build yet."));
            return;
        }
        Button run = new Button("Run retrieval", Views.icon("mdi2p-play", 16));
        run.setId("run-retrieval");
        run.setOnAction(e -> {
            Task<Integer> t = new TaskJob<>("Retrieval", p -> model.services().retrieval().get().retrieve(project.store(), p));
            t.setOnSucceeded(ev -> {
                model.statusProperty().set("Retrieval kept " + t.getValue() + " images");
                model.refreshOverview();
            });
            model.runJob(t);
        });
        run.disableProperty().bind(model.jobRunningProperty());
        root.getChildren().add(run);
    }

    static Node notWired(String text) {
        return Views.empty("mdi2p-power-plug-off-outline", "Not connected", text);
    }

    Parent root() {
        return root;
    }
}
