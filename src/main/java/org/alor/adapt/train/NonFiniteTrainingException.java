package org.alor.adapt.train;

/** Training produced a NaN or infinite loss or gradient in {@link Trainer#MAX_CONSECUTIVE_SKIPS} steps in a row. */
public final class NonFiniteTrainingException extends IllegalStateException {
    public NonFiniteTrainingException(String message) {
        super(message);
    }
}
