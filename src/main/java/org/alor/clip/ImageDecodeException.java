package org.alor.clip;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be read or decoded; the message names the file and the problem. */
public final class ImageDecodeException extends IOException {
    private final Path path;
    private final String reason;

    public ImageDecodeException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    /** The problem without the file name. */
    public String reason() {
        return reason;
    }
}
