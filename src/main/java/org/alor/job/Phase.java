package org.alor.job;

import java.util.Locale;

/** What a job is doing, as reported through {@link Progress#phase}. */
public enum Phase {
    /** A round starts or resumes: done = the round index. */
    ROUND,
    /**
     * Embedding images or texts: done/total items after each batch (total −1 when streamed); the message is
     * "images" or "texts".
     */
    EMBEDDING,
    /** Retrieval from an open corpus: done/total shards scanned, then images downloaded. */
    RETRIEVING,
    /**
     * Training starts: 0 of total epochs; its steps and finished epochs follow as {@link Progress#step} and
     * {@link Progress#epoch}.
     */
    TRAINING,
    PREDICTING,
    /** Selecting; the message "selection saved" once committed. */
    SELECTING,
    LABELING,
    /** The round is done: done = the round index. */
    DONE,
    /** An experiment: done/total runs finished. */
    EXPERIMENT;

    /** "training", "selecting", ... for status lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
