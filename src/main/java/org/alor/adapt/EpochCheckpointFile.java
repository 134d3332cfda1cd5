package org.alor.adapt;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an FT/CT/PT run saves the checkpoint of its last finished epoch, and which run it is: {@code run} holds the
 * caller's settings (e.g. the round, its strategy and seed) that, with the method's own settings and the training
 * data, must match for a saved checkpoint to be resumed. A checkpoint of another run is ignored with a notice.
 */
public record EpochCheckpointFile(Path path, Map<String, String> run) {
    public EpochCheckpointFile {
        run = Map.copyOf(run);
    }
}
