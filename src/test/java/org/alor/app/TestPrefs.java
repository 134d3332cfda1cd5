package org.alor.app;

import org.alor.app.common.AppPreferences;

import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * Throw-away preference nodes, so tests never touch the user's settings. Maven points the test JVM's preference
 * root into {@code target/test-prefs}, so the nodes go with {@code mvn clean}.
 */
public final class TestPrefs {
    private TestPrefs() {
    }

    public static AppPreferences fresh() {
        return new AppPreferences(Preferences.userRoot().node("org/alor/studio-tests/" + UUID.randomUUID()));
    }

    /**
     * Ends a test's use of its node without removing it: a background job or FX callback of the finished test may
     * still read it, and a removed node throws "Node has been removed." there, which TestFX then rethrows in
     * whichever test runs next.
     */
    public static void release(AppPreferences p) {
        try {
            p.node().flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // nothing to keep: the node is a throw-away
        }
    }
}
