package org.alor.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Conversions between files and the '/'-separated paths relative to a dataset root. */
final class DatasetPaths {
    private DatasetPaths() {
    }

    /** The path of {@code file} relative to {@code root}, with '/' separators. */
    static String relative(Path root, Path file) {
        Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        for (Path p : rel) parts.add(p.toString());
        return String.join("/", parts);
    }

    /** How a problem names a file: relative to the root when inside it, else as given. */
    static String display(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(r) && !f.equals(r) ? relative(r, f) : file.toString();
    }

    /**
     * Normalises a path written in a dataset file (split file, CSV) to '/'-separated and relative to the root.
     * Backslashes are read as separators (files written on Windows).
     *
     * @throws IllegalArgumentException with a user-facing reason when the path is empty or leaves the root
     */
    static String normalise(Path root, String written) {
        String p = written.replace('\\', '/').trim();
        if (p.isEmpty()) throw new IllegalArgumentException("empty path");
        Path rootAbs = root.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = rootAbs.resolve(p).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + written + "'");
        }
        if (!resolved.startsWith(rootAbs) || resolved.equals(rootAbs)) {
            throw new IllegalArgumentException("path '" + written + "' is outside the dataset root " + rootAbs);
        }
        return relative(rootAbs, resolved);
    }

    /**
     * Why {@code file} must not be read, or null: a symbolic link (of the file or of a folder on its way) that leads
     * outside the dataset root. The {@code ../} check of {@link #normalise} is lexical and cannot see links.
     * A file that does not exist passes; whoever reads it reports it as missing.
     *
     * @param realRoot the dataset root after {@link Path#toRealPath}
     */
    static String linkOutsideRoot(Path realRoot, Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return null;
        }
        return real.startsWith(realRoot) ? null
                : "symbolic link to " + real + " outside the dataset root " + realRoot + ", refused";
    }

    /**
     * The path relative to {@code root} with the bytes that are not UTF-8 text percent-escaped ("caf%E9/b.png"), or
     * null when the name reads back as itself. Such a name decodes to U+FFFD, so the string stored for it would never
     * find the file again.
     */
    static String undecodableName(Path root, Path file) {
        if (file.getFileSystem().getPath(file.toString()).equals(file)) return null;
        // Path.toUri escapes the raw bytes of the name (unlike toString, which replaces them)
        String rootUri = root.toAbsolutePath().normalize().toUri().getRawPath();
        String fileUri = file.toAbsolutePath().normalize().toUri().getRawPath();
        String rel = fileUri.startsWith(rootUri) ? fileUri.substring(rootUri.length()) : fileUri;
        return rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
    }

    /** All regular files under {@code dir} (recursively, hidden files and folders skipped), sorted by relative path. */
    static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !hasHiddenPart(dir, f))
                    .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean hasHiddenPart(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
