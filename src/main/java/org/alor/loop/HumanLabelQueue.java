package org.alor.loop;

import org.alor.store.ProjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A person labels through the app: the engine hands its requests to this queue and waits; the UI reads
 * {@link #pending()} / {@link #next}, and each {@link #answer}, {@link #unsure} or {@link #skip} is written to the
 * store at once (so nothing typed is lost on a crash). The engine resumes when every request is answered, when the
 * person calls {@link #finishEarly()} (unanswered images stay in the pool), or stops when cancelled.
 * Thread-safe: the engine thread waits, the UI thread answers.
 */
public final class HumanLabelQueue implements Labeler {
    private static final long POLL_MS = 100;
    private final Map<Long, LabelRequest> pending = new LinkedHashMap<>();
    private ProjectStore store;
    private int round = -1;
    private boolean finishEarly;
    private boolean waiting;

    @Override
    public void label(ProjectStore store, int round, List<LabelRequest> requests, CancellationToken token)
            throws InterruptedException {
        synchronized (this) {
            this.store = store;
            this.round = round;
            this.finishEarly = false;
            pending.clear();
            for (LabelRequest r : requests) pending.put(r.sampleId(), r);
            waiting = true;
            notifyAll();
        }
        try {
            synchronized (this) {
                while (!pending.isEmpty() && !finishEarly) {
                    token.throwIfCancelled();
                    wait(POLL_MS);
                }
            }
        } finally {
            synchronized (this) {
                waiting = false;
                pending.clear();
                notifyAll();
            }
        }
    }

    /** True while the engine waits for answers. */
    public synchronized boolean isWaiting() {
        return waiting;
    }

    /** The round being labeled, or -1. */
    public synchronized int round() {
        return waiting ? round : -1;
    }

    /** Unanswered requests in selection order. */
    public synchronized List<LabelRequest> pending() {
        return new ArrayList<>(pending.values());
    }

    /** The first unanswered request, waiting up to {@code timeout} for the engine to ask; empty if none. */
    public synchronized Optional<LabelRequest> next(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.of(pending.values().iterator().next());
    }

    /** Labels a requested image as {@code classId}; returns the label event id. */
    public synchronized long answer(long sampleId, int classId, String who) {
        requirePending(sampleId);
        long id = store.labelLog().label(sampleId, classId, who, round);
        resolved(sampleId);
        return id;
    }

    public synchronized long unsure(long sampleId, String who) {
        requirePending(sampleId);
        long id = store.labelLog().markUnsure(sampleId, who, round);
        resolved(sampleId);
        return id;
    }

    public synchronized long skip(long sampleId, String who) {
        requirePending(sampleId);
        long id = store.labelLog().markSkip(sampleId, who, round);
        resolved(sampleId);
        return id;
    }

    /** Ends the round's labeling now; unanswered images stay in the pool. */
    public synchronized void finishEarly() {
        finishEarly = true;
        notifyAll();
    }

    private void requirePending(long sampleId) {
        if (!pending.containsKey(sampleId)) {
            throw new IllegalStateException("sample " + sampleId + " is not waiting for a label");
        }
    }

    private void resolved(long sampleId) {
        pending.remove(sampleId);
        notifyAll();
    }
}
