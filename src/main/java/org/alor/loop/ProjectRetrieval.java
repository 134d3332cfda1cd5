package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.retrieval.CorpusFormat;
import org.alor.retrieval.CorpusReader;
import org.alor.retrieval.ImageEmbedder;
import org.alor.retrieval.RetrievalJob;
import org.alor.retrieval.RetrievalOptions;
import org.alor.retrieval.TableColumns;
import org.alor.retrieval.TextEmbedder;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Retrieval as a project runs it: the corpus from the project settings, ranking by the project's CLIP
 * text tower with the project's prompt set. Shared by `alor retrieve` and the app.
 */
public final class ProjectRetrieval {
    private ProjectRetrieval() {
    }

    /** The corpus folder or table of the project ({@code override} wins), resolved against the project folder. */
    static Path corpusPath(ProjectStore store, Path override) {
        if (override != null) return override;
        Path set = store.settings().getPath(Settings.CORPUS).orElseThrow(() -> new IllegalStateException(
                "the project has no open-data corpus; set one with `alor set " + store.dir() + " --corpus PATH`"));
        return store.dir().resolve(set);
    }

    private static CorpusReader openCorpus(ProjectStore store, Path override, CorpusFormat format, TableColumns columns)
            throws IOException {
        return format.open(corpusPath(store, override), columns);
    }

    /** The project's CLIP text tower as a caption/prompt embedder, when the project has a checkpoint. */
    public static Optional<TextEmbedder> textEmbedder(Project session) {
        ProjectStore store = session.store();
        if (store.settings().getPath(Settings.CHECKPOINT).isEmpty()) return Optional.empty();
        TextEncoder encoder = session.backend().textEncoder(store);
        return Optional.of(encoder::encode);
    }

    /** The project's CLIP image tower for near-duplicate removal against the task images. */
    public static ImageEmbedder imageEmbedder(Project session) {
        ProjectStore store = session.store();
        if (store.settings().getPath(Settings.CHECKPOINT).isEmpty()) {
            throw new IllegalStateException("near-duplicate removal needs the project's CLIP checkpoint; set one with `alor set "
                    + store.dir() + " --checkpoint PATH`");
        }
        return files -> session.backend().encodeImageFiles(store, files);
    }

    /** Ranking prompts: the templates of the project's prompt set. */
    public static List<String> templates(ProjectStore store) {
        return PromptTemplates.parse(store.settings().getString(Settings.PROMPT_SET, "generic")).templates();
    }

    /**
     * A retrieval job on the session's project, assembled from {@code spec}: its corpus reader, near-duplicate removal
     * and ranking by the project's CLIP. Without a usable CLIP the matches keep corpus order, and the prepared job
     * says why in {@link Prepared#rankingNote()}.
     */
    public static Prepared prepare(Project session, RetrievalSpec spec) throws IOException {
        ProjectStore store = session.store();
        CorpusReader reader = openCorpus(store, spec.corpus(), spec.format(), spec.columns());
        RetrievalOptions options = spec.baseOptions();
        if (spec.dedup() > 0) options = options.withDedup(imageEmbedder(session), spec.dedup());
        String rankingNote = null;
        if (spec.rank()) {
            Optional<TextEmbedder> embedder;
            try {
                embedder = textEmbedder(session);
            } catch (RuntimeException e) {
                embedder = Optional.empty();
                rankingNote = "ranking unavailable (" + e.getMessage() + "); kept matches in corpus order (--no-rank)";
            }
            if (embedder.isPresent()) {
                List<String> templates = spec.rankingTemplates() != null ? spec.rankingTemplates() : templates(store);
                options = options.withRanker(embedder.get(), templates);
            } else if (rankingNote == null) {
                rankingNote = "no CLIP checkpoint available for ranking; kept matches in corpus order (--no-rank)";
            }
        }
        return new Prepared(new RetrievalJob(store, reader, options), reader.shards().size(), rankingNote);
    }

    /**
     * A retrieval job ready to run.
     *
     * @param shards      the corpus shards it will scan
     * @param rankingNote why the matches keep corpus order although ranking was asked for, or null
     */
    public record Prepared(RetrievalJob job, int shards, String rankingNote) {
    }
}
