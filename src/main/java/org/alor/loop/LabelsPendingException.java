package org.alor.loop;

/** Thrown by {@link DeferredLabeler}: the round waits for a person's labels; it resumes on the next run. */
public final class LabelsPendingException extends RuntimeException {
    private final int round;
    private final int pending;

    public LabelsPendingException(int round, int pending) {
        super("round " + round + ": " + pending + " selected image(s) await labels");
        this.round = round;
        this.pending = pending;
    }

    public int round() {
        return round;
    }

    public int pending() {
        return pending;
    }
}
