package org.alor.store;

import java.util.Locale;

/** Life cycle of an active-learning round. DONE, FAILED and CANCELLED are terminal. */
public enum RoundStatus {
    PLANNED, TRAINING, SELECTING, LABELING, DONE, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RoundStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
