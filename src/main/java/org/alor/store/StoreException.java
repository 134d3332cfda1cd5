package org.alor.store;

/**
 * A project store problem worth showing to a user as one line: a missing or foreign file, a schema
 * newer than this build, an invalid request (undoing an event twice), or a database error. The
 * message always names the project file or the offending key.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
