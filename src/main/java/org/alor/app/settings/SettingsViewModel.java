package org.alor.app.settings;

import org.alor.app.common.AppPreferences;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Optional;

/** Edits the app preferences; {@link #save()} validates and writes them. */
public final class SettingsViewModel {
    private final AppPreferences prefs;
    private final ObjectProperty<AppPreferences.Device> device = new SimpleObjectProperty<>();
    private final IntegerProperty threads = new SimpleIntegerProperty();
    private final StringProperty cacheFolder = new SimpleStringProperty();
    private final ObjectProperty<AppPreferences.Theme> theme = new SimpleObjectProperty<>();
    private final StringProperty labeler = new SimpleStringProperty();
    private final javafx.beans.property.BooleanProperty demoMode = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty safeContent = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    /** "" until something changes; then that it is not saved yet; after Save, "Saved". */
    private final StringProperty status = new SimpleStringProperty("");

    public SettingsViewModel(AppPreferences prefs) {
        this.prefs = prefs;
        device.set(prefs.device());
        threads.set(prefs.threads());
        cacheFolder.set(prefs.cacheFolder().toString());
        theme.set(prefs.theme());
        labeler.set(prefs.labeler());
        demoMode.set(prefs.demoMode());
        safeContent.set(prefs.safeContent());
        // safe content follows demo mode here as on Home: on with it, back to the earlier choice without it
        demoMode.addListener((o, a, on) -> safeContent.set(on || prefs.safeContentOutsideDemo()));
        javafx.beans.InvalidationListener changed = o -> status.set("Changes not saved yet: press Save.");
        for (javafx.beans.Observable p : java.util.List.of(device, threads, cacheFolder, theme, labeler, demoMode, safeContent)) {
            p.addListener(changed);
        }
    }

    /** Writes the settings; returns the problem (also in {@link #errorProperty()}) if one is invalid. */
    public Optional<String> save() {
        String problem = null;
        if (threads.get() < 0) problem = "Threads must be 0 (all cores) or more.";
        else if (cacheFolder.get() == null || cacheFolder.get().isBlank()) problem = "Choose a cache folder.";
        else if (labeler.get() == null || labeler.get().isBlank()) problem = "Enter the name label events are recorded under.";
        if (problem != null) {
            error.set(problem);
            return Optional.of(problem);
        }
        prefs.setDevice(device.get());
        prefs.setThreads(threads.get());
        prefs.setCacheFolder(Path.of(cacheFolder.get().strip()));
        prefs.setTheme(theme.get());
        prefs.setLabeler(labeler.get());
        prefs.setDemoMode(demoMode.get());
        prefs.setSafeContent(safeContent.get());
        error.set("");
        status.set("Saved \u2713 \u2014 in use now.");
        return Optional.empty();
    }

    public ObjectProperty<AppPreferences.Device> deviceProperty() {
        return device;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public StringProperty cacheFolderProperty() {
        return cacheFolder;
    }

    public ObjectProperty<AppPreferences.Theme> themeProperty() {
        return theme;
    }

    public StringProperty labelerProperty() {
        return labeler;
    }

    public javafx.beans.property.BooleanProperty demoModeProperty() {
        return demoMode;
    }

    public javafx.beans.property.BooleanProperty safeContentProperty() {
        return safeContent;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
