package org.alor.loop;

import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageSource;
import org.alor.store.ProjectStore;

/**
 * Where the engine's image features and text embeddings come from for a project: the CLIP encoder with the
 * feature cache in the app and the CLI ({@link ClipBackend}), synthetic ones in tests. A {@link Project} session
 * opens one through a {@link Factory} and closes it with the session.
 *
 * <p>FT, CT and PT additionally need {@link #clipBase} (the pretrained checkpoint, tokenizer and device; each round
 * builds a fresh model from it) and FT/CT {@link #images} (the image file of every sample: they train on images and
 * re-encode val/test/pool with the adapted image tower). ZS and LP never call these two.
 */
public interface ModelBackend extends AutoCloseable {
    FeatureSource featureSource(ProjectStore store);

    TextEncoder textEncoder(ProjectStore store);

    /**
     * The pretrained CLIP of the project, e.g. {@code ClipBase.of(CheckpointLoader.load(dir),
     * TextTokenizer.of(ClipTokenizer.forCheckpointFolder(dir)), Devices.select(pref))}. Must be the checkpoint whose
     * image features {@link #featureSource} returns (PT trains on those cached features).
     */
    default ClipBase clipBase(ProjectStore store) {
        throw new IllegalStateException("FT, CT and PT train CLIP itself, but no CLIP checkpoint is wired into this build;"
                + " use --method lp or zeroshot");
    }

    /** The image file of each stored sample (pool, val, test and retrieved). */
    default ImageSource images(ProjectStore store) {
        throw new IllegalStateException("FT and CT train on the images, but no image files are wired into this build;"
                + " use --method lp, pt or zeroshot");
    }

    /** Image embeddings of arbitrary image files with the project's pretrained CLIP (e.g. near-duplicate checks). */
    default float[][] encodeImageFiles(ProjectStore store, java.util.List<java.nio.file.Path> files) {
        throw new IllegalStateException("no CLIP checkpoint is wired into this build, so images cannot be encoded");
    }

    /**
     * The project's checkpoint as an embedder of stored samples with {@code spec}'s batch and threads: cached
     * embeddings are read, missing ones encoded and cached.
     */
    default ProjectEmbedder embedder(ProjectStore store, EmbedSpec spec) {
        throw new IllegalStateException("no CLIP checkpoint is wired into this build, so images cannot be encoded");
    }

    /**
     * The number format the encoding and the CLIP training that follow run in ({@link Project} sets it before each
     * job); backends without CLIP ignore it.
     */
    default void usePrecision(org.alor.clip.ComputeType type) {
    }

    /** Releases what the backend loaded (checkpoints, native memory); called when its {@link Project} closes. */
    @Override
    default void close() {
    }

    /** Opens the backend a {@link Project} session uses, with the session's device and thread count. */
    @FunctionalInterface
    interface Factory {
        /** The real one: the project's CLIP checkpoint on the chosen device. */
        Factory CLIP = ClipBackend::new;

        /**
         * @param device  "auto", "cpu", "gpu" or "mps" (see {@link org.alor.clip.Devices#select})
         * @param threads image-decoding threads, 0 = all cores
         */
        ModelBackend open(String device, int threads);
    }
}
