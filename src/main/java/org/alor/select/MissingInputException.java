package org.alor.select;

/** A strategy was asked to run without an input it needs (e.g. features for Coreset). */
public final class MissingInputException extends IllegalArgumentException {
    public MissingInputException(String message) {
        super(message);
    }
}
