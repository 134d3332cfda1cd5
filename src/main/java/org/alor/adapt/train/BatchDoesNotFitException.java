package org.alor.adapt.train;

/** Even one example per micro-batch runs out of memory: training cannot proceed on this device. */
public final class BatchDoesNotFitException extends RuntimeException {
    public BatchDoesNotFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
