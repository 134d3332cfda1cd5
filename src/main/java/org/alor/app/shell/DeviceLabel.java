package org.alor.app.shell;

import org.alor.app.common.AppPreferences;

/** What the status bar says about the compute device before any model is loaded. */
public final class DeviceLabel {
    private DeviceLabel() {
    }

    public static String describe(AppPreferences.Device preferred, int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        String cpu = "CPU, " + n + " threads";
        return preferred == AppPreferences.Device.GPU ? "GPU requested · " + cpu + " until a model loads" : cpu;
    }

    /** "1.2 / 6.0 GB" of the JVM heap. */
    static String memory(Runtime rt) {
        double used = (rt.totalMemory() - rt.freeMemory()) / 1e9;
        double max = rt.maxMemory() / 1e9;
        return String.format(java.util.Locale.ROOT, "Memory %.1f / %.1f GB", used, max);
    }
}
