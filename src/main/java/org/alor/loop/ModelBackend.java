package org.alor.loop;

import org.alor.store.ProjectStore;

/**
 * Where the engine's image features and text embeddings come from for a project: the CLIP encoder with the
 * feature cache in the app and the CLI (wired by the lead), synthetic ones in tests. Install one with
 * {@link #install}; until then {@link #current()} explains that no model is wired.
 */
public interface ModelBackend {
    FeatureSource featureSource(ProjectStore store);

    TextEncoder textEncoder(ProjectStore store);

    /** Makes {@code backend} the one CLI commands use. */
    static void install(ModelBackend backend) {
        Installed.backend = backend;
    }

    static ModelBackend current() {
        return Installed.backend;
    }

    /** Holder of the installed backend. */
    final class Installed {
        private static volatile ModelBackend backend = ClipBackend.fromSystemProperties();

        private Installed() {
        }
    }
}
