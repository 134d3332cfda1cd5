package org.alor.retrieval;

import java.io.IOException;

/** A corpus scan that did not complete or read no caption: retrieval stops before changing anything. */
public final class UnreadableCorpusException extends IOException {
    public UnreadableCorpusException(String message) {
        super(message);
    }
}
