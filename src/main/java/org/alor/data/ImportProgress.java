package org.alor.data;

/** Receives progress while images are inspected; called from worker threads. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> { };

    void update(int done, int total);
}
