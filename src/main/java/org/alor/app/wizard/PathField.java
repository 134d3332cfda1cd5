package org.alor.app.wizard;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A path typed into a wizard field. */
final class PathField {
    private PathField() {
    }

    /** The path, or null when the text is blank or not a path. */
    static Path parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
