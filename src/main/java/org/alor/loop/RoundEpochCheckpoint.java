package org.alor.loop;

import org.alor.adapt.EpochCheckpointFile;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an FT/CT/PT round keeps the checkpoint of its last finished training epoch,
 * {@code <project>/rounds/<r>/epoch-checkpoint.safetensors}, and what identifies the round's training run: the
 * round, its spec's strategy, seed, RDA, naming, prompts and precision, and the project's CLIP checkpoint (the method's
 * own settings and the training data are added by the adapter). The file is deleted once the round's training step
 * has committed.
 */
final class RoundEpochCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RoundEpochCheckpoint.class);
    static final String FILE = "epoch-checkpoint.safetensors";

    private RoundEpochCheckpoint() {
    }

    static Path file(Path projectDir, int round) {
        return projectDir.resolve("rounds").resolve(Integer.toString(round)).resolve(FILE);
    }

    static EpochCheckpointFile of(ProjectStore store, RoundSpec spec, int round) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("round", Integer.toString(round));
        run.put("strategy", spec.strategy());
        run.put("seed", Long.toString(spec.seed()));
        run.put("rda", Boolean.toString(spec.rda()));
        run.put("naming", spec.naming().name());
        run.put("prompts", spec.templates().name());
        run.put("precision", spec.precision().key());
        Settings settings = store.settings();
        run.put("clip_checkpoint", settings.getString(Settings.CHECKPOINT_HASH,
                settings.getString(Settings.CHECKPOINT, "none")));
        return new EpochCheckpointFile(file(store.dir(), round), run);
    }

    /**
     * Removes the round's epoch checkpoint (its training is committed) and any partial one a kill left behind while
     * writing it; a failure only costs disk space.
     */
    static void delete(Path projectDir, int round) {
        Path file = file(projectDir, round);
        try {
            Files.deleteIfExists(file);
            if (!Files.isDirectory(file.getParent())) return;
            try (DirectoryStream<Path> partial = Files.newDirectoryStream(file.getParent(), FILE + "*.part")) {
                for (Path p : partial) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the finished round's epoch checkpoint {} ({}); it may be deleted by hand", file,
                    e.getMessage());
        }
    }
}
