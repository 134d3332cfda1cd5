package org.alor.adapt.train;

/** Which epoch's model the trainer keeps. */
public enum ModelSelection {
    /** Evaluate after every epoch, keep the best score; ties go to the later epoch (docs/method.md §3). */
    BEST_VALIDATION,
    /** Evaluate only after the last epoch and keep it (prompt tuning, as CoOp does). */
    LAST_EPOCH
}
