package org.alor.job;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The one way to stop a long job: a UI or console sets it, the job's loops check it (the trainer before every
 * step, the embedder between batches, retrieval between shards). A token may follow another flag (e.g. the app's
 * background task), so a cancel there is seen at the job's next check, not at its next progress event.
 */
public final class CancellationToken {
    private final BooleanSupplier source;
    private volatile boolean cancelled;

    public CancellationToken() {
        this(() -> false);
    }

    private CancellationToken(BooleanSupplier source) {
        this.source = source;
    }

    /** A token that is cancelled when {@link #cancel()} is called or as soon as {@code source} says so. */
    public static CancellationToken following(BooleanSupplier source) {
        return new CancellationToken(Objects.requireNonNull(source, "source"));
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        if (!cancelled && source.getAsBoolean()) cancelled = true;
        return cancelled;
    }

    /** @throws CancellationException when cancelled */
    public void throwIfCancelled() {
        if (isCancelled()) throw new CancellationException("cancelled");
    }
}
