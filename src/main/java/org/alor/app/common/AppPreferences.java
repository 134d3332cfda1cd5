package org.alor.app.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * The app's per-user settings (java.util.prefs). Tests pass their own node so they never touch the
 * user's real preferences.
 */
public final class AppPreferences {
    public enum Device { AUTO, GPU, CPU }

    public enum Theme { LIGHT, DARK }

    public static final String DEVICE = "device";
    static final String THREADS = "threads";
    static final String CACHE = "cacheFolder";
    static final String THEME = "theme";
    static final String LABELER = "labeler";
    static final String DEMO = "demoMode";
    static final String SAFE = "safeContent";
    static final String SAFE_OUTSIDE_DEMO = "safeContentOutsideDemo";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's real preferences. */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node("org/alor/studio"));
    }

    public Preferences node() {
        return node;
    }

    public Device device() {
        return parse(Device.class, node.get(DEVICE, "AUTO"), Device.AUTO);
    }

    public void setDevice(Device d) {
        node.put(DEVICE, d.name());
    }

    /** 0 = all cores. */
    public int threads() {
        return Math.max(0, node.getInt(THREADS, 0));
    }

    public void setThreads(int n) {
        if (n < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more, not " + n);
        node.putInt(THREADS, n);
    }

    public Path cacheFolder() {
        String v = node.get(CACHE, "");
        return v.isBlank() ? Path.of(System.getProperty("user.home"), ".alor", "cache") : Path.of(v);
    }

    public void setCacheFolder(Path p) {
        node.put(CACHE, p.toString());
    }

    public Theme theme() {
        return parse(Theme.class, node.get(THEME, "LIGHT"), Theme.LIGHT);
    }

    public void setTheme(Theme t) {
        node.put(THEME, t.name());
    }

    /** Demo mode for talks: large fonts, high contrast, the ALOR vs standard active learning race on Home. */
    public boolean demoMode() {
        return node.getBoolean(DEMO, false);
    }

    /**
     * Switching demo mode on turns safe content on (README: "turns on safe content"), remembering the choice made
     * outside demo mode; switching it off brings that choice back.
     */
    public void setDemoMode(boolean on) {
        boolean was = demoMode();
        if (on && !was) {
            node.putBoolean(SAFE_OUTSIDE_DEMO, safeContent());
            node.putBoolean(SAFE, true);
        } else if (!on && was) {
            node.putBoolean(SAFE, safeContentOutsideDemo());
            node.remove(SAFE_OUTSIDE_DEMO);
        }
        node.putBoolean(DEMO, on);
    }

    /** The safe-content choice that holds once demo mode ends. */
    public boolean safeContentOutsideDemo() {
        return demoMode() ? node.getBoolean(SAFE_OUTSIDE_DEMO, false) : safeContent();
    }

    /**
     * Safe content (docs/method.md §6 Safety): retrieved images are shown as placeholders unless the project allows
     * them. Unless set explicitly it follows demo mode (on in demo mode, off otherwise).
     */
    public boolean safeContent() {
        return node.getBoolean(SAFE, demoMode());
    }

    public void setSafeContent(boolean on) {
        node.putBoolean(SAFE, on);
    }

    /** The name label events are recorded under. */
    public String labeler() {
        String v = node.get(LABELER, "");
        return v.isBlank() ? System.getProperty("user.name", "user") : v;
    }

    public void setLabeler(String name) {
        node.put(LABELER, name == null ? "" : name.strip());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
