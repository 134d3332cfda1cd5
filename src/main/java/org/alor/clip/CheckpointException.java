package org.alor.clip;

import java.io.IOException;

/**
 * A checkpoint could not be read or does not fit the expected CLIP layout. The message is meant for the
 * user as-is: it names the file and the problem (and, for validation failures, every offending tensor).
 */
public class CheckpointException extends IOException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
