package org.alor.retrieval;

import java.util.List;

/**
 * Settings of one retrieval run.
 *
 * @param perClass           cap per class (docs/method.md §6.4: 500)
 * @param threads            shard-scanning threads
 * @param ranker             text embedder for ranking, or null for corpus order ("--no-rank")
 * @param templates          prompt templates with {@code {}} (used only with a ranker)
 * @param localMinSide       minimum shorter side for images taken from local shards (0 keeps all)
 * @param downloadMinSide    minimum shorter side for downloaded images (docs/method.md §6.3: 85)
 * @param shorterSide        stored images are downscaled to this shorter side
 * @param download           downloader limits (URL-only corpora)
 * @param dedupEmbedder      image embedder for near-duplicate removal against task images, or null (off)
 * @param dedupThreshold     cosine at or above which a retrieved image counts as a duplicate of a task image
 */
public record RetrievalOptions(int perClass, int threads, TextEmbedder ranker, List<String> templates,
                               int localMinSide, int downloadMinSide, int shorterSide, DownloadOptions download,
                               ImageEmbedder dedupEmbedder, double dedupThreshold) {
    public static final int DEFAULT_PER_CLASS = 500;

    public static RetrievalOptions defaults() {
        return new RetrievalOptions(DEFAULT_PER_CLASS, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                null, List.of("a photo of a {}."), 0, ImageSaver.DEFAULT_MIN_SIDE, ImageSaver.DEFAULT_SHORTER_SIDE,
                DownloadOptions.defaults(), null, 0.95);
    }

    public RetrievalOptions withPerClass(int n) {
        return new RetrievalOptions(n, threads, ranker, templates, localMinSide, downloadMinSide, shorterSide, download, dedupEmbedder, dedupThreshold);
    }

    public RetrievalOptions withThreads(int t) {
        return new RetrievalOptions(perClass, t, ranker, templates, localMinSide, downloadMinSide, shorterSide, download, dedupEmbedder, dedupThreshold);
    }

    public RetrievalOptions withRanker(TextEmbedder e, List<String> tpl) {
        return new RetrievalOptions(perClass, threads, e, tpl, localMinSide, downloadMinSide, shorterSide, download, dedupEmbedder, dedupThreshold);
    }

    public RetrievalOptions withDownload(DownloadOptions d, int minSide) {
        return new RetrievalOptions(perClass, threads, ranker, templates, localMinSide, minSide, shorterSide, d, dedupEmbedder, dedupThreshold);
    }

    public RetrievalOptions withDedup(ImageEmbedder e, double threshold) {
        return new RetrievalOptions(perClass, threads, ranker, templates, localMinSide, downloadMinSide, shorterSide, download, e, threshold);
    }
}
