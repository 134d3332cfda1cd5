package org.alor.app.shell;

import org.alor.app.charts.ChartsView;
import org.alor.app.charts.ChartsViewModel;
import org.alor.app.common.AppPreferences;
import org.alor.app.common.OpenProject;
import org.alor.app.common.Page;
import org.alor.app.common.Views;
import org.alor.app.common.ChartTheme;
import org.alor.app.data.DataView;
import org.alor.app.demo.DemoView;
import org.alor.app.demo.DemoViewModel;
import org.alor.app.label.LabelingView;
import org.alor.app.retrieval.RetrievalView;
import org.alor.app.runs.RunsView;
import org.alor.app.settings.SettingsView;
import org.alor.app.settings.SettingsViewModel;
import org.alor.app.start.SampleProject;
import org.alor.app.start.StartView;
import org.alor.app.wizard.NewProjectWizardModel;
import org.alor.app.wizard.NewProjectWizardView;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.EnumMap;
import java.util.Map;

/** The window: navigation rail on the left, the active page in the centre, the status bar at the bottom. */
public final class ShellView {
    public static final String LIGHT_CSS = ShellView.class.getResource("app.css").toExternalForm();
    static final String DARK_CSS = ShellView.class.getResource("dark.css").toExternalForm();
    public static final String DEMO_CSS = ShellView.class.getResource("demo.css").toExternalForm();
    /** Demo mode's colours over the dark theme (light on black); sizes stay demo.css's. */
    public static final String DEMO_DARK_CSS = ShellView.class.getResource("demo-dark.css").toExternalForm();

    private final ShellViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final Map<Page, ToggleButton> railButtons = new EnumMap<>(Page.class);
    private final ToggleGroup railGroup = new ToggleGroup();
    private Node wizard;

    public ShellView(ShellViewModel model) {
        this.model = model;
        root.getStyleClass().add("shell");
        root.setLeft(rail());
        root.setCenter(centre);
        root.setBottom(statusBar());
        centre.getStyleClass().add("centre");
        model.pageProperty().addListener((o, a, p) -> showPage(p));
        model.projectProperty().addListener((o, a, p) -> {
            railButtons.forEach((page, b) -> b.setDisable(page.needsProject() && p == null));
            // a refreshed overview re-draws Data in place (showPage would refresh again)
            if (model.pageProperty().get() == Page.DATA && wizard == null) centre.getChildren().setAll(pageContent(Page.DATA));
        });
        railButtons.forEach((page, b) -> b.setDisable(page.needsProject()));
        model.setErrorSink(r -> ErrorDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), r));
        showPage(Page.HOME);
    }

    public Parent root() {
        return root;
    }

    /** Adds the style sheets (following the theme setting) to the window's scene. */
    public void install(Scene scene) {
        scene.getStylesheets().setAll(LIGHT_CSS);
        applyTheme(scene, model.themeProperty().get());
        model.themeProperty().addListener((o, a, t) -> applyTheme(scene, t));
        applyDemo(scene, model.demoModeProperty().get());
        model.demoModeProperty().addListener((o, a, on) -> applyDemo(scene, on));
    }

    private void applyTheme(Scene scene, AppPreferences.Theme theme) {
        scene.getStylesheets().remove(DARK_CSS);
        if (theme == AppPreferences.Theme.DARK) scene.getStylesheets().add(DARK_CSS);
        applyDemo(scene, model.demoModeProperty().get());
    }

    /**
     * Demo mode's large fonts and high contrast go last: black on white over the light theme, white on black over the
     * dark one (a dark room keeps a dark screen); charts (not CSS) follow both.
     */
    private void applyDemo(Scene scene, boolean on) {
        scene.getStylesheets().removeAll(DEMO_CSS, DEMO_DARK_CSS);
        if (on) scene.getStylesheets().add(DEMO_CSS);
        if (on && model.themeProperty().get() == AppPreferences.Theme.DARK) scene.getStylesheets().add(DEMO_DARK_CSS);
        ChartTheme.use(ChartTheme.of(model.themeProperty().get(), on));
    }

    /** Demo mode's race page (ALOR vs standard active learning) in the centre (from Home). */
    public void showDemo() {
        demoView();
    }

    /** The demo page, replaying a recorded {@code alor experiment} folder (the app's {@code --replay DIR}). */
    public void replayDemo(java.nio.file.Path experiment) {
        demoView().replay(experiment);
    }

    private DemoView demoView() {
        DemoViewModel vm = new DemoViewModel(SampleProject.userDataDir().resolve("demo"), javafx.application.Platform::runLater,
                model::openSession);
        DemoView view = new DemoView(vm, model);
        wizard = view.root();
        railGroup.selectToggle(null);
        centre.getChildren().setAll(wizard);
        return view;
    }

    /** Shows the new-project wizard in the centre. */
    public void showWizard() {
        showWizard(new NewProjectWizardModel(model.jobs(),
                () -> model.preferences().device().name().toLowerCase(java.util.Locale.ROOT)));
    }

    public void showWizard(NewProjectWizardModel wm) {
        NewProjectWizardView view = new NewProjectWizardView(wm, () -> showPage(Page.HOME), dir -> {
            wizard = null;
            model.openProject(dir);
        });
        wizard = view.root();
        railGroup.selectToggle(null);
        centre.getChildren().setAll(wizard);
    }

    private void showPage(Page page) {
        wizard = null;
        model.refreshOverview(); // counts change while labeling or running rounds
        ToggleButton b = railButtons.get(page);
        if (b != null && !b.isSelected()) b.setSelected(true);
        centre.getChildren().setAll(pageContent(page));
    }

    private Node pageContent(Page page) {
        OpenProject project = model.projectProperty().get();
        if (page.needsProject() && project == null) {
            return Views.empty(page.icon(), page.title(), "Open or create a project first (Home).");
        }
        return switch (page) {
            case HOME -> new StartView(model, model.services().sampleProject(), this::showWizard, this::showDemo).root();
            case DATA -> new DataView(model, project).root();
            case RETRIEVAL -> new RetrievalView(model, project, model.services().retrieval()).root();
            case RUNS -> new RunsView(model, project, model.services().rounds()).root();
            case LABEL -> new LabelingView(model, project, model.services().predictions()).root();
            case CHARTS -> new ChartsView(new ChartsViewModel(project.store()), model).root();
            case SETTINGS -> new SettingsView(new SettingsViewModel(model.preferences()), model::applyPreferences).root();
        };
    }

    private VBox rail() {
        VBox rail = new VBox(4);
        rail.getStyleClass().add("rail");
        Label brand = new Label("ALOR");
        brand.getStyleClass().add("brand");
        rail.getChildren().add(brand);
        for (Page p : Page.values()) {
            if (p == Page.SETTINGS) {
                Region spacer = new Region();
                VBox.setVgrow(spacer, Priority.ALWAYS);
                rail.getChildren().add(spacer);
            }
            ToggleButton b = new ToggleButton(p.title(), Views.icon(p.icon(), 22));
            b.setId("rail-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setContentDisplay(ContentDisplay.TOP);
            b.getStyleClass().add("rail-button");
            b.setToggleGroup(railGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> {
                if (model.pageProperty().get() == p) showPage(p);
                else model.pageProperty().set(p);
                b.setSelected(true);
            });
            railButtons.put(p, b);
            rail.getChildren().add(b);
        }
        return rail;
    }

    private FittingBar statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        Label job = new Label();
        job.setId("job-title");
        job.textProperty().bind(model.jobTitleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("job-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(model.jobProgressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("job-cancel");
        cancel.setOnAction(e -> model.cancelJob());
        HBox jobBox = new HBox(8, job, bar, cancel);
        jobBox.setAlignment(Pos.CENTER_LEFT);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(Region.USE_PREF_SIZE);

        Label device = new Label();
        device.setId("device");
        device.textProperty().bind(model.deviceProperty());
        device.setGraphic(Views.icon("mdi2c-chip", 14));
        device.setMinWidth(Region.USE_PREF_SIZE);
        Label memory = new Label(DeviceLabel.memory(Runtime.getRuntime()));
        memory.setId("memory");
        memory.setTooltip(new Tooltip("Java heap in use / maximum"));
        memory.setMinWidth(Region.USE_PREF_SIZE);
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(2), e -> memory.setText(DeviceLabel.memory(Runtime.getRuntime()))));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();

        // a running job matters most, then the status (counts, or what just failed), the device, and the heap last
        FittingBar bar2 = new FittingBar(16);
        bar2.add(status, 1);
        bar2.add(jobBox, 0, model.jobRunningProperty());
        bar2.add(device, 2);
        bar2.add(memory, 3);
        bar2.getStyleClass().add("status-bar");
        bar2.setAlignment(Pos.CENTER_LEFT);
        bar2.setPadding(new Insets(4, 10, 4, 10));
        return bar2;
    }
}
