package org.alor.loop.estimate;

import java.util.Locale;

/** Seconds in the unit a person reads best: "45 s", "12 min", "3.4 h", "5.2 days". */
public final class Durations {
    private Durations() {
    }

    public static String format(double seconds) {
        if (Double.isNaN(seconds)) return "—";
        if (seconds < 0.1) return "< 0.1 s";
        if (seconds < 90) return String.format(Locale.ROOT, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
        double minutes = seconds / 60;
        if (minutes < 90) return String.format(Locale.ROOT, "%.0f min", minutes);
        double hours = minutes / 60;
        if (hours < 48) return String.format(Locale.ROOT, "%.1f h", hours);
        return String.format(Locale.ROOT, "%.1f days", hours / 24);
    }
}
