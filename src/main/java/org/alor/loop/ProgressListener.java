package org.alor.loop;

/** Progress of a long job: phase ("training", "predicting", "selecting", "labeling", ...), counts and a message. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total, message) -> {
    };

    void progress(String phase, long done, long total, String message);
}
