package org.alor.app;

import org.alor.app.common.AppPreferences;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Throw-away preference nodes, so tests never touch the user's settings. */
public final class TestPrefs {
    private TestPrefs() {
    }

    public static AppPreferences fresh() {
        return new AppPreferences(Preferences.userRoot().node("org/alor/studio-tests/" + UUID.randomUUID()));
    }

    public static void remove(AppPreferences p) {
        try {
            p.node().removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // best effort
        }
    }
}
