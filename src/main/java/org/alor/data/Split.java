package org.alor.data;

import java.util.Locale;

/** Where a sample belongs: the unlabeled pool, validation, test, or images retrieved from open data. */
public enum Split {
    POOL, VAL, TEST, RETRIEVED;

    /** The lower-case key used on disk and in the store ("pool", "val", ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key such as "pool", "val", "test", "retrieved" (also "ltrain" = pool, "train" = pool). */
    public static Split parse(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "pool": case "ltrain": case "train": case "unlabeled": return POOL;
            case "val": case "valid": case "validation": return VAL;
            case "test": return TEST;
            case "retrieved": return RETRIEVED;
            default: throw new IllegalArgumentException("unknown split '" + key + "' (expected pool, val, test or retrieved)");
        }
    }
}
