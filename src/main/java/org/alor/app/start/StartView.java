package org.alor.app.start;

import org.alor.app.common.PageHost;
import org.alor.app.common.Views;
import org.alor.app.common.RecentProjects;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Home: the big start buttons and the recent projects. */
public final class StartView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final PageHost model;
    private final BorderPane root = new BorderPane();

    public StartView(PageHost model, SampleProjectProvider sampleProject, Runnable newProject, Runnable demo) {
        this.model = model;
        Button sample = big("Open sample project", "mdi2b-bird", "A small bird world to try ALOR in a minute");
        sample.setId("open-sample");
        sample.setOnAction(e -> model.openSampleProject());
        // a disabled control shows no tooltip, so the reason goes on a wrapper below
        sampleProject.unavailableReason().ifPresent(reason -> sample.setDisable(true));
        Button create = big("New project", "mdi2f-folder-plus-outline", "From a dataset folder, a CLIP checkpoint and open data");
        create.setId("new-project");
        create.setOnAction(e -> newProject.run());
        Button open = big("Open…", "mdi2f-folder-open-outline", "An existing project folder");
        open.setId("open-project");
        open.setOnAction(e -> choose());

        HBox sampleWrap = new HBox(sample);
        sampleProject.unavailableReason().ifPresent(r -> Tooltip.install(sampleWrap, new Tooltip(r)));
        HBox buttons = new HBox(16, sampleWrap, create, open);
        Button race = new Button("ALOR vs standard AL (demo)", Views.icon("mdi2p-presentation-play", 18));
        race.setId("open-demo");
        race.setTooltip(new Tooltip("Plays rounds with an oracle on two copies of the sample world and animates both curves"));
        race.setOnAction(e -> demo.run());
        race.setDisable(sampleProject.unavailableReason().isPresent());
        Button demoMode = new Button();
        demoMode.setId("toggle-demo-mode");
        demoMode.textProperty().bind(javafx.beans.binding.Bindings.when(model.demoModeProperty())
                .then("Leave demo mode").otherwise("Demo mode (large fonts, high contrast)"));
        demoMode.setOnAction(e -> model.setDemoMode(!model.demoModeProperty().get()));
        HBox demoRow = new HBox(12, race, demoMode);
        demoRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label recentTitle = new Label("Recent projects");
        recentTitle.getStyleClass().add("section-title");
        ListView<RecentProjects.Entry> recent = new ListView<>(model.recentProjects());
        recent.setId("recent-projects");
        recent.setPlaceholder(Views.muted("Projects you open appear here."));
        recent.setCellFactory(lv -> new RecentCell());
        recent.setOnMouseClicked(e -> {
            RecentProjects.Entry sel = recent.getSelectionModel().getSelectedItem();
            if (sel != null && e.getClickCount() == 2) model.openProject(sel.dir());
        });
        recent.setOnKeyPressed(e -> {
            RecentProjects.Entry sel = recent.getSelectionModel().getSelectedItem();
            if (sel != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) model.openProject(sel.dir());
            if (sel != null && e.getCode() == javafx.scene.input.KeyCode.DELETE) model.forgetRecent(sel);
        });

        Label welcome = Views.title("ALOR Studio");
        Label tagline = Views.muted("Active learning with open resources: adapt CLIP, retrieve from open data, label the tail first.");
        VBox box = new VBox(18, welcome, tagline, buttons, demoRow, recentTitle, recent);
        box.setPadding(Views.pagePadding());
        box.setMaxWidth(980);
        VBox.setVgrow(recent, javafx.scene.layout.Priority.ALWAYS);
        root.setCenter(box);
        root.getStyleClass().add("start-view");
    }

    public Parent root() {
        return root;
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open an ALOR project folder");
        File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) model.openProject(dir.toPath());
    }

    private static Button big(String text, String icon, String sub) {
        Label main = new Label(text);
        main.getStyleClass().add("big-button-title");
        Label small = new Label(sub);
        small.getStyleClass().add("big-button-sub");
        small.setWrapText(true);
        VBox content = new VBox(4, main, small);
        content.setAlignment(Pos.CENTER);
        Button b = new Button(null, new VBox(10, Views.icon(icon, 36), content));
        ((VBox) b.getGraphic()).setAlignment(Pos.CENTER);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.getStyleClass().add("big-button");
        b.setPrefSize(250, 150);
        return b;
    }

    private static final class RecentCell extends ListCell<RecentProjects.Entry> {
        @Override
        protected void updateItem(RecentProjects.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(e.name());
            name.getStyleClass().add("recent-name");
            Label path = Views.muted(e.path());
            Label counts = Views.muted(e.classes() + " classes · " + e.rounds() + " rounds · opened " + WHEN.format(e.lastOpened()));
            setGraphic(new VBox(2, name, path, counts));
            setText(null);
        }
    }
}
