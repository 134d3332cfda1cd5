package org.alor.data;

import java.io.IOException;

/** An export that would write where it must not (the project folder, an existing file without --force). */
public final class ExportRefusedException extends IOException {
    public ExportRefusedException(String message) {
        super(message);
    }
}
