package org.alor.adapt.train;

import ai.djl.engine.EngineException;

import java.util.Locale;

/** Recognises the engine's out-of-memory failures (CUDA and CPU allocators) in a cause chain. */
final class OutOfMemory {
    private OutOfMemory() {
    }

    static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EngineException && c.getMessage() != null) {
                String m = c.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("out of memory") || m.contains("can't allocate memory")
                        || m.contains("cannot allocate memory") || m.contains("not enough memory")) {
                    return true;
                }
            }
        }
        return false;
    }
}
