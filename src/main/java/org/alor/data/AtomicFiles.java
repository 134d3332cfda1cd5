package org.alor.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file through a temporary file in the target's folder, flushed to disk, then renamed over the target in
 * one step: a crash or a failure while writing leaves the old file (or no file), never half of the new one.
 */
public final class AtomicFiles {
    /** Writes the text a body produces. */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer w) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} as UTF-8 text, replacing it if it exists. */
    public static void write(Path target, TextBody body) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8));
                body.writeTo(w);
                w.flush();
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the bytes a body produces. */
    @FunctionalInterface
    public interface BytesBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} from a body writing bytes (e.g. a PNG encoder), replacing it if it exists. */
    public static void writeBytes(Path target, BytesBody body) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch)) {
                body.writeTo(os);
                os.flush();
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies {@code source} to {@code target}, replacing it if it exists. */
    public static void copy(Path source, Path target) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream os = Channels.newOutputStream(ch)) {
                Files.copy(source, os);
                os.flush();
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames a finished file or folder over {@code target} in one step where the file system allows it. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    }
}
