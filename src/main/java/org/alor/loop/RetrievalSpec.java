package org.alor.loop;

import org.alor.retrieval.CorpusFormat;
import org.alor.retrieval.RetrievalOptions;
import org.alor.retrieval.TableColumns;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a retrieval job a front end chooses, checked once in {@link Builder#build()}; the project adds
 * its corpus setting and its CLIP (ranking, near-duplicate removal), see {@link ProjectRetrieval}.
 *
 * @param corpus   corpus folder or file, or null for the project's corpus setting
 * @param format   corpus format
 * @param perClass images kept per class
 * @param threads  shard-scanning threads, or 0 for the default (up to 4)
 * @param minSide  minimum shorter side of downloaded images, or null for the default (85)
 * @param rank     rank matches by caption-prompt similarity (when the project has a CLIP) or keep corpus order
 * @param dedup    cosine at or above which a retrieved image duplicates a task image, or 0 for off
 * @param columns  the columns of a table corpus, or null to find them by their usual names
 * @param rankingTemplates prompt templates (with {@code {}}) the ranking compares captions with, or null for the
 *                 project's prompt set
 */
public record RetrievalSpec(Path corpus, CorpusFormat format, int perClass, int threads, Integer minSide, boolean rank,
                            double dedup, TableColumns columns, List<String> rankingTemplates) {
    public static Builder builder() {
        return new Builder();
    }

    /** The retrieval options these settings give, before the project's ranking and dedup embedders are added. */
    public RetrievalOptions baseOptions() {
        RetrievalOptions options = RetrievalOptions.defaults().withPerClass(perClass);
        if (threads > 0) options = options.withThreads(threads);
        if (minSide != null) options = options.withDownload(options.download(), minSide);
        return options;
    }

    /** Builds a {@link RetrievalSpec}; unset values are the project's corpus, auto format, 500 per class, ranked. */
    public static final class Builder {
        private Path corpus;
        private String format = "auto";
        private int perClass = RetrievalOptions.DEFAULT_PER_CLASS;
        private Integer threads;
        private Integer minSide;
        private boolean rank = true;
        private Double dedup;
        private TableColumns columns;
        private List<String> rankingTemplates;

        private Builder() {
        }

        public Builder optCorpus(Path p) {
            this.corpus = p;
            return this;
        }

        /** auto, wds, files, parquet or csv. */
        public Builder optFormat(String f) {
            this.format = f;
            return this;
        }

        public Builder optPerClass(int n) {
            this.perClass = n;
            return this;
        }

        public Builder optThreads(int t) {
            this.threads = t;
            return this;
        }

        public Builder optMinSide(int px) {
            this.minSide = px;
            return this;
        }

        public Builder optRank(boolean on) {
            this.rank = on;
            return this;
        }

        /** Near-duplicate removal against the task images at this cosine similarity. */
        public Builder optDedup(double cosine) {
            this.dedup = cosine;
            return this;
        }

        public Builder optColumns(TableColumns c) {
            this.columns = c;
            return this;
        }

        public Builder optRankingTemplates(List<String> templates) {
            this.rankingTemplates = templates;
            return this;
        }

        public RetrievalSpec build() {
            if (perClass < 0) throw new IllegalArgumentException("--per-class must be 0 or more");
            if (threads != null && threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
            if (minSide != null && minSide < 0) throw new IllegalArgumentException("--min-side must be 0 or more");
            if (dedup != null && !(dedup > 0 && dedup <= 1)) {
                throw new IllegalArgumentException("--dedup must be a cosine similarity in (0, 1]");
            }
            if (rankingTemplates != null) {
                if (rankingTemplates.isEmpty()) throw new IllegalArgumentException("--template needs at least one template");
                for (String t : rankingTemplates) {
                    if (t == null || !t.contains("{}")) {
                        throw new IllegalArgumentException("--template '" + t + "' has no {} for the class name");
                    }
                }
            }
            CorpusFormat fmt = CorpusFormat.parse(format);
            return new RetrievalSpec(corpus, fmt, perClass, threads == null ? 0 : threads, minSide,
                    rank, dedup == null ? 0 : dedup, columns,
                    rankingTemplates == null ? null : List.copyOf(rankingTemplates));
        }
    }
}
