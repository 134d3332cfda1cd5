package org.alor.app.common;

/** The app's one way to say how long a job still needs ("ETA 45 s", "ETA 2 min 10 s", "ETA 43 min", "ETA 3 h 25 min") or took. */
public final class EtaText {
    private EtaText() {
    }

    /** The ETA for {@code seconds} left; empty when the time is unknown (negative, NaN, infinite). */
    public static String of(double seconds) {
        String d = duration(seconds);
        return d.isEmpty() ? "" : "ETA " + d;
    }

    /** A duration in the same words: "45 s", "2 min 10 s", "43 min", "3 h 25 min"; empty when unknown. */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) return "";
        long s = Math.max(1, Math.round(seconds));
        if (s < 60) return s + " s";
        if (s < 600) return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        long min = Math.round(s / 60.0);
        if (min < 60) return min + " min";
        return min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
    }
}
