package org.alor.app.settings;

import org.alor.app.common.AppPreferences;
import org.alor.app.common.Views;

import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;

/** Settings: device, threads, cache folder, theme, labeler name; the GPU switch and the doctor report. */
public final class SettingsView {
    private final VBox root = new VBox(16);

    public SettingsView(SettingsViewModel vm, Runnable applied) {
        this(vm, applied, SupportTools.forThisMachine());
    }

    public SettingsView(SettingsViewModel vm, Runnable applied, SupportTools tools) {
        root.setPadding(Views.pagePadding());
        root.setId("settings-view");
        ComboBox<AppPreferences.Device> device = new ComboBox<>(FXCollections.observableArrayList(AppPreferences.Device.values()));
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        Spinner<Integer> threads = Views.integerSpinner(0, 512, vm.threadsProperty().get());
        threads.valueProperty().addListener((o, a, v) -> vm.threadsProperty().set(v));
        TextField cache = new TextField();
        cache.textProperty().bindBidirectional(vm.cacheFolderProperty());
        cache.setPrefColumnCount(32);
        Button browse = new Button("Browse…");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(root.getScene().getWindow());
            if (f != null) vm.cacheFolderProperty().set(f.toString());
        });
        ComboBox<AppPreferences.Theme> theme = new ComboBox<>(FXCollections.observableArrayList(AppPreferences.Theme.values()));
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        theme.setId("theme");
        TextField labeler = new TextField();
        labeler.textProperty().bindBidirectional(vm.labelerProperty());
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        // names and controls keep their preferred width (demo mode's large fonts would cut them to "…");
        // the explanations take what is left and wrap
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.SOMETIMES);
        notes.setMinWidth(220);
        cache.setPrefColumnCount(24);
        labeler.setPrefColumnCount(24);
        form.getColumnConstraints().setAll(names, controls, notes);
        form.addRow(0, new Label("Device"), device, note("AUTO uses a GPU when the engine finds one."));
        form.addRow(1, new Label("Threads"), threads, note("0 = all cores"));
        form.addRow(2, new Label("Cache folder"), new HBox(6, cache, browse));
        form.addRow(3, new Label("Theme"), theme);
        form.addRow(4, new Label("Labeler name"), labeler, note("recorded with every label"));
        javafx.scene.control.CheckBox demo = new javafx.scene.control.CheckBox("Demo mode");
        demo.setId("demo-mode");
        demo.selectedProperty().bindBidirectional(vm.demoModeProperty());
        javafx.scene.control.CheckBox safe = new javafx.scene.control.CheckBox("Safe content");
        safe.setId("safe-content");
        safe.selectedProperty().bindBidirectional(vm.safeContentProperty());
        form.addRow(5, new Label("Talks"), demo, note("large fonts, high contrast; the demo race on Home"));
        form.addRow(6, new Label(""), safe, note("retrieved web images show as placeholders unless a project allows them"));
        Button gpu = new Button("Use an NVIDIA GPU…");
        gpu.setId("use-gpu");
        gpu.setOnAction(e -> new GpuDialog(tools.gpu().get(), () -> {
            vm.deviceProperty().set(AppPreferences.Device.GPU);
            vm.save();
        }, root.getScene().getWindow()).dialog().show());
        form.addRow(7, new Label("GPU"), gpu, note("checks the driver, then downloads DJL's CUDA libtorch once"));
        Button doctor = new Button("Doctor report…");
        doctor.setId("doctor-report");
        doctor.setOnAction(e -> new DoctorDialog(tools, root.getScene().getWindow()).dialog().show());
        form.addRow(8, new Label("Help"), doctor, note("versions, device, speed, folders and log file, to copy into a support request"));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        Button save = new Button("Save");
        save.setId("save-settings");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            if (vm.save().isEmpty()) applied.run();
        });
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("settings-status");
        status.textProperty().bind(vm.statusProperty());
        HBox saveRow = new HBox(12, save, status);
        saveRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(Views.title("Settings"), form, error, saveRow);
    }

    /** An explanation that wraps onto as many lines as it needs (demo mode's large fonts would cut it to "…"). */
    private static Label note(String text) {
        Label l = Views.muted(text);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public Parent root() {
        return root;
    }
}
