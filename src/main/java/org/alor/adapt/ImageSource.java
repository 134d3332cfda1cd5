package org.alor.adapt;

import java.nio.file.Path;

/** Resolves a stored sample id to its image file (the project's images folder, a retrieved-data folder ...). */
@FunctionalInterface
public interface ImageSource {
    /** @throws IllegalArgumentException naming the sample when it has no image file */
    Path path(long sampleId);
}
