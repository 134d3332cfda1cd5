package org.alor.loop;

/** How round 0's labeled set comes about (docs/method.md §3). */
public enum Round0Mode {
    /** Paper protocol: one random pool image per class (by its true label, drawn with the run's seed), oracle-labeled. */
    SIMULATION,
    /** A person, no cold start: train on the retrieved data plus any labels already given. */
    RETRIEVED_ONLY,
    /** A person confirms, per class, the pool image the zero-shot model ranks highest for it. */
    ASSISTED
}
