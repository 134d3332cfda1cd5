package org.alor.loop;

import org.alor.adapt.PromptTemplates;
import org.alor.retrieval.CorpusFormat;
import org.alor.retrieval.CorpusReader;
import org.alor.retrieval.ImageEmbedder;
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
    public static Path corpusPath(ProjectStore store, Path override) {
        if (override != null) return override;
        Path set = store.settings().getPath(Settings.CORPUS).orElseThrow(() -> new IllegalStateException(
                "the project has no open-data corpus; set one with `alor set " + store.dir() + " --corpus PATH`"));
        return store.dir().resolve(set);
    }

    public static CorpusReader openCorpus(ProjectStore store, Path override, CorpusFormat format, TableColumns columns)
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

    /** {@code options} with ranking by the project's CLIP when it has one; else unchanged (corpus order). */
    public static RetrievalOptions withProjectRanking(Project session, RetrievalOptions options) {
        Optional<TextEmbedder> embedder = textEmbedder(session);
        return embedder.map(e -> options.withRanker(e, templates(session.store()))).orElse(options);
    }
}
