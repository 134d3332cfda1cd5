package org.alor.clip;

/** Receives encoding progress after each finished batch. */
@FunctionalInterface
public interface EncodeProgress {
    EncodeProgress NONE = (done, total) -> { };

    /** @param total the number of items to encode, or −1 when unknown (streamed input) */
    void update(long done, long total);
}
