package org.alor.clip;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Makes libtorch's OpenMP threads sleep rather than spin while they wait, unless the user chose otherwise.
 *
 * <p>By default GNU OpenMP spins at every barrier. A tiny CLIP runs thousands of small operators per training step,
 * so when any other thread wants a core — ALOR's own image-decoding threads, the JavaFX thread, another program —
 * a spinning worker holds it while the thread it waits for is descheduled. Measured on the 2-core machine, a CT epoch
 * on the sample ran at 10.6–34.6 images/s with spinning and 103.9 with {@code OMP_WAIT_POLICY=PASSIVE} (README,
 * "Training speed"). OpenMP reads the variable once, when libtorch is loaded, so {@link #applyDefault()} must run
 * before the engine starts: the CLI's and the app's {@code main} call it first. Launchers cannot set it for the app
 * (jpackage and {@code mvn javafx:run} take Java options only), hence the process sets its own environment.
 */
public final class OpenMpWaitPolicy {
    public static final String VARIABLE = "OMP_WAIT_POLICY";
    static final String DEFAULT = "PASSIVE";

    private OpenMpWaitPolicy() {
    }

    private interface C extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /**
     * Sets {@value #VARIABLE} to {@value #DEFAULT} in this process's environment unless it is set already.
     *
     * @return the value in force for OpenMP: the user's, ours, or empty where the process environment cannot be
     * changed (Windows, where libtorch uses another OpenMP; or no C library through JNA)
     */
    public static String applyDefault() {
        if (Platform.isWindows()) return "";
        try {
            C c = Native.load(Platform.C_LIBRARY_NAME, C.class);
            String user = c.getenv(VARIABLE);
            if (user != null && !user.isBlank()) return user;
            if (c.setenv(VARIABLE, DEFAULT, 0) != 0) return "";
            return c.getenv(VARIABLE);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return ""; // training still works, only slower under contention
        }
    }

    /** The value OpenMP sees in this process (empty when unset or unknown), for {@code alor doctor}. */
    public static String current() {
        if (Platform.isWindows()) return "";
        try {
            String v = Native.load(Platform.C_LIBRARY_NAME, C.class).getenv(VARIABLE);
            return v == null ? "" : v;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "";
        }
    }

    /** Prints the value in force after {@link #applyDefault()} (used by tests in a fresh process). */
    public static void main(String[] args) {
        System.out.println(applyDefault());
    }
}
