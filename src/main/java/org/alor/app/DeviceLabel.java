package org.alor.app;

/** What the status bar says about the compute device before any model is loaded. */
final class DeviceLabel {
    private DeviceLabel() {
    }

    static String describe() {
        return "CPU, " + Runtime.getRuntime().availableProcessors() + " threads";
    }
}
