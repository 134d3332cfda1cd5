package org.alor.loop;

/**
 * The settings of an embedding job (cache the image embeddings of a project's samples), checked once in
 * {@link Builder#build()}.
 *
 * @param batchSize images per encoder batch
 * @param threads   image decoding threads
 */
public record EmbedSpec(int batchSize, int threads) {
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final int DEFAULT_THREADS = 2;

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmbedSpec}; unset values are the defaults (batch 32, 2 threads). */
    public static final class Builder {
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int threads = DEFAULT_THREADS;

        private Builder() {
        }

        public Builder optBatchSize(int b) {
            this.batchSize = b;
            return this;
        }

        public Builder optThreads(int t) {
            this.threads = t;
            return this;
        }

        public EmbedSpec build() {
            if (batchSize < 1) throw new IllegalArgumentException("the embedding batch size must be at least 1, got " + batchSize);
            if (threads < 1) throw new IllegalArgumentException("the embedding threads must be at least 1, got " + threads);
            return new EmbedSpec(batchSize, threads);
        }
    }
}
