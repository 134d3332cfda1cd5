package org.alor.app.common;

/** What a long job run through a seam reports back to the status bar, from any thread. */
public interface JobProgress {
    JobProgress NONE = new JobProgress() {
        @Override
        public void update(String message, double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction in [0,1], or negative when unknown */
    void update(String message, double fraction);

    /** True once the user pressed Cancel; jobs check it between steps and stop early. */
    boolean isCancelled();

    /**
     * A point of a live curve, e.g. ("train loss", step, 0.83) or ("val accuracy", epoch, 0.61); the Runs view
     * plots each series as it comes. Optional.
     */
    default void metric(String series, double x, double y) {
    }
}
