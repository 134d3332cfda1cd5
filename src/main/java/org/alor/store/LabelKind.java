package org.alor.store;

import java.util.Locale;

/** What a label event says: a class was given, the labeler was unsure, skipped the image, or undid an earlier event. */
public enum LabelKind {
    LABEL, UNSURE, SKIP, UNDO;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LabelKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
