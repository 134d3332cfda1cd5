package org.alor.synth;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a folder completely into a temporary sibling and only then moves it into place, so an
 * interrupted run never leaves a half-written checkpoint over an existing one.
 */
public final class AtomicCheckpointFolder {
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private AtomicCheckpointFolder() {
    }

    public static void write(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + name + ".partial-");
        try {
            // temp folders are private (rwx------); the checkpoint should be as readable as any other folder
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: inherited ACLs already apply
        }
        Path old = null;
        try {
            contents.writeInto(temp);
            if (Files.exists(absolute)) {
                old = parent.resolve("." + name + ".old-" + ProcessHandle.current().pid());
                deleteRecursively(old);
                move(absolute, old);
            }
            move(temp, absolute);
            temp = null;
        } finally {
            if (temp != null) {
                deleteRecursively(temp);
                if (old != null && !Files.exists(absolute)) move(old, absolute); // put the previous one back
            }
        }
        if (old != null) deleteRecursively(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
