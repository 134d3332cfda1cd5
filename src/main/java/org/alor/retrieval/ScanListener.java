package org.alor.retrieval;

/** Progress of a corpus scan; called from worker threads. */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {
    };

    /** Every few thousand captions of a running shard. */
    default void captionsScanned(long delta, long matchesDelta) {
    }

    /** A shard finished (or was taken from the progress of an earlier run when {@code resumed}). */
    default void shardDone(ShardResult result, boolean resumed) {
    }
}
