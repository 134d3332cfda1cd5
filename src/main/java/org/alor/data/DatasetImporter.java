package org.alor.data;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one dataset layout. Bad items become {@link ImportProblem}s; only a broken class definition is fatal. */
public interface DatasetImporter {
    DatasetFormat format();

    /**
     * Imports the dataset under {@code root}.
     *
     * @throws DatasetFormatException when the class definition is malformed or the layout cannot be read at all
     * @throws IOException            when the root itself cannot be listed
     */
    DatasetImport importFrom(Path root) throws IOException, DatasetFormatException;
}
