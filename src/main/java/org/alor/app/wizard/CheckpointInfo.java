package org.alor.app.wizard;

import java.nio.file.Path;

/** The checkpoint as the wizard checked it: what the summary and the checkpoint step show. */
public record CheckpointInfo(Path path, String description, long parameters, String contentHash, String device) {
}
