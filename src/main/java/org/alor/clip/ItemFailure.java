package org.alor.clip;

import java.nio.file.Path;

/** An image of a pipeline run that could not be used: its position in the input list, its file and why. */
public record ItemFailure(int index, Path path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
