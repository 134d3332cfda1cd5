package org.alor.data;

import java.nio.file.Path;

/** A dataset file is malformed in a way that makes the import meaningless (e.g. a broken class list). */
public class DatasetFormatException extends Exception {
    private final Path file;
    private final int line;

    /** @param line 1-based line number, or 0 when not about one line */
    public DatasetFormatException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public DatasetFormatException(Path file, String reason) {
        this(file, 0, reason);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when the problem is not about one line. */
    public int line() {
        return line;
    }
}
