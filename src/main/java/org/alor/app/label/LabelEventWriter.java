package org.alor.app.label;

import org.alor.store.ProjectStore;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Writes each labeling decision to the store as a label event, through {@code writer} (a serial background
 * executor in the app, the calling thread in tests), so the JavaFX thread never waits on the disk; a failed
 * write goes to {@code writeFailed}.
 */
final class LabelEventWriter {
    private final ProjectStore store;
    private final String who;
    private final Integer round;
    private final Executor writer;
    private final Consumer<Throwable> writeFailed;
    private volatile Runnable saved = () -> { };

    LabelEventWriter(ProjectStore store, String who, int round, Executor writer, Consumer<Throwable> writeFailed) {
        this.store = store;
        this.who = who;
        this.round = round;
        this.writer = writer;
        this.writeFailed = writeFailed;
    }

    /** Called on the writer's thread after each event is in the store (the status bar follows the labels). */
    void onSaved(Runnable r) {
        this.saved = r == null ? () -> { } : r;
    }

    void label(long sample, int classId) {
        write(() -> store.labelLog().label(sample, classId, who, round));
    }

    void unsure(long sample) {
        write(() -> store.labelLog().markUnsure(sample, who, round));
    }

    void skip(long sample) {
        write(() -> store.labelLog().markSkip(sample, who, round));
    }

    void undo() {
        write(() -> store.labelLog().undoLast(who));
    }

    void redo() {
        write(() -> store.labelLog().redoLast(who));
    }

    private void write(Runnable r) {
        writer.execute(() -> {
            try {
                r.run();
                saved.run();
            } catch (RuntimeException ex) {
                writeFailed.accept(ex);
            }
        });
    }
}
