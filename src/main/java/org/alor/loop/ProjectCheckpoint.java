package org.alor.loop;

import ai.djl.Device;
import org.alor.clip.CheckpointLoader;
import org.alor.clip.ClipConfig;
import org.alor.clip.ComputeType;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.ClipTokenizer;
import org.alor.clip.LoadedCheckpoint;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CLIP checkpoint a project is set to (setting {@link Settings#CHECKPOINT}), loaded on a device,
 * with its content hash recorded in the project ({@link Settings#CHECKPOINT_HASH}) so cached features are
 * tied to the exact weights. Close to free the model.
 */
public final class ProjectCheckpoint implements AutoCloseable {
    private final LoadedCheckpoint loaded;
    private final ClipModel model;
    private final ClipTokenizer tokenizer;

    private ProjectCheckpoint(LoadedCheckpoint loaded, ClipModel model, ClipTokenizer tokenizer) {
        this.loaded = loaded;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /**
     * @throws IOException naming the checkpoint when it is missing, unreadable or not a supported CLIP
     * @throws IllegalStateException when the project has no checkpoint set
     */
    public static ProjectCheckpoint open(ProjectStore store, Device device) throws IOException {
        Optional<Path> path = store.settings().getPath(Settings.CHECKPOINT);
        if (path.isEmpty()) {
            throw new IllegalStateException("the project has no CLIP checkpoint; set one with "
                    + "`alor set " + store.dir() + " checkpoint PATH` or `alor init ... --checkpoint PATH`");
        }
        if (!Files.exists(path.get())) throw new IOException("checkpoint " + path.get() + " does not exist");
        LoadedCheckpoint loaded = CheckpointLoader.load(path.get());
        ClipModel model = ClipModelFactory.fromLoaded(loaded, device);
        // written only when it changed, so a read-only session (a grid task on the shared source project) can open it
        if (!store.settings().getString(Settings.CHECKPOINT_HASH).map(loaded.contentHash()::equals).orElse(false)) {
            store.settings().set(Settings.CHECKPOINT_HASH, loaded.contentHash());
        }
        Path folder = Files.isDirectory(path.get()) ? path.get() : path.get().toAbsolutePath().getParent();
        ClipTokenizer tokenizer;
        try {
            tokenizer = ClipTokenizer.forCheckpointFolder(folder);
        } catch (IOException | RuntimeException e) {
            tokenizer = ClipTokenizer.bundled();
        }
        return new ProjectCheckpoint(loaded, model, tokenizer);
    }

    /** The feature-cache key of evaluation preprocessing at the model's input size. */
    public static String preprocessKey(ClipConfig config) {
        return "clip-eval-" + config.imageSize() + "-bicubic-centercrop";
    }

    /**
     * The feature-cache key of what the model encodes now: evaluation preprocessing plus the compute type unless fp32,
     * so a bf16 embedding is never served for fp32 or the other way round (fp32 keys are those of older projects).
     */
    public String preprocessKey() {
        ComputeType type = model.computeType();
        return preprocessKey(config()) + (type == ComputeType.FP32 ? "" : "-" + type.key());
    }

    public LoadedCheckpoint loaded() {
        return loaded;
    }

    public ClipConfig config() {
        return loaded.config();
    }

    public String hash() {
        return loaded.contentHash();
    }

    public ClipModel model() {
        return model;
    }

    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        model.close();
    }
}
