package org.alor.app.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time from the process start to the first shown window, printed when {@code -Dalor.reportStartup=true}
 * (the installers' smoke test and the start-up measurement wait for this line instead of guessing).
 */
public final class StartupReport {
    public static final String PROPERTY = "alor.reportStartup";
    public static final String PREFIX = "alor-studio: window shown after ";

    private StartupReport() {
    }

    /** The line for a window shown at {@code shown} by a process started at {@code started}. */
    public static String line(Instant started, Instant shown) {
        return PREFIX + Math.max(0, Duration.between(started, shown).toMillis()) + " ms";
    }

    /** Prints the line to stdout when asked for by the system property. */
    public static void printIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        Optional<Instant> started = ProcessHandle.current().info().startInstant();
        started.ifPresent(s -> System.out.println(line(s, Instant.now())));
        System.out.flush();
    }
}
