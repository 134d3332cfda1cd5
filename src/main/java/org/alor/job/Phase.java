package org.alor.job;

import java.util.Locale;

/** What a job is doing, as reported through {@link Progress#phase}. */
public enum Phase {
    /** A round starts or resumes: done = the round index. */
    ROUND,
    /** Embedding images or texts: done/total items after each batch (total −1 when streamed); message "images" or "texts". */
    EMBEDDING,
    /** Retrieval from an open corpus: done/total shards scanned, then images downloaded. */
    RETRIEVING,
    /** Training: done/total epochs. */
    TRAINING,
    /** One optimiser step of FT/CT/PT: done/total steps of the epoch; the message has epoch, loss, images/s, ETA. */
    STEP,
    /** A notice (device in use, a memory fallback, a skipped step); no counts. */
    NOTICE,
    PREDICTING,
    /** Selecting; the message "selection saved" once committed. */
    SELECTING,
    LABELING,
    /** The round is done: done = the round index. */
    DONE,
    /** An experiment: done/total runs finished. */
    EXPERIMENT;

    /** "training", "step", ... for status lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
