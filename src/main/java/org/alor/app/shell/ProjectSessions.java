package org.alor.app.shell;

import org.alor.app.common.AppPreferences;

import org.alor.loop.ModelBackend;
import org.alor.loop.Project;
import org.alor.store.ProjectStore;

import java.util.Locale;

/**
 * The engine session of the open project. Each job asks for it; when the device or thread preference changed since
 * the last job (or another project is open), the old session is closed, freeing its model, and a new one opens with
 * the current preferences — so a change in Settings is used by the next job.
 */
final class ProjectSessions implements AutoCloseable {
    private final ModelBackend.Factory backends;
    private final AppPreferences preferences;
    private Project current;

    ProjectSessions(ModelBackend.Factory backends, AppPreferences preferences) {
        this.backends = backends;
        this.preferences = preferences;
    }

    synchronized Project session(ProjectStore store) {
        String device = device();
        int threads = preferences.threads();
        if (current != null && current.store() == store && current.device().equals(device) && current.threads() == threads) {
            return current;
        }
        close();
        current = Project.on(store).optDevice(device).optThreads(threads).optBackend(backends).build();
        return current;
    }

    /** A session of its own on another project folder (the demo's), with the current preferences. */
    Project open(java.nio.file.Path dir) {
        return Project.open(dir).optDevice(device()).optThreads(preferences.threads()).optBackend(backends).build();
    }

    private String device() {
        return preferences.device().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized void close() {
        if (current != null) current.close();
        current = null;
    }
}
