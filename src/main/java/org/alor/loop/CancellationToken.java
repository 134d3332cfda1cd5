package org.alor.loop;

import java.util.concurrent.CancellationException;

/** A flag a UI sets to stop a job; the job checks it between steps and inside training loops. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) throw new CancellationException("cancelled");
    }
}
