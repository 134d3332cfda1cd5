package org.alor.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The corpus layouts retrieval reads, and their detection from a path. */
public enum CorpusFormat {
    AUTO, WDS, FILES, PARQUET, CSV;

    public static CorpusFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown corpus format '" + s + "' (expected auto, wds, files, parquet or csv)");
        }
    }

    /** Tar shards win over tables (they hold images); then Parquet, CSV, img2dataset folders. */
    public static CorpusFormat detect(Path path) throws IOException {
        if (!Files.exists(path)) throw new IOException(path + ": corpus not found");
        if (Files.isRegularFile(path)) {
            String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".tar")) return WDS;
            if (n.endsWith(".parquet")) return PARQUET;
            if (n.endsWith(".csv")) return CSV;
            throw new IOException(path + ": not a corpus file (expected .tar, .parquet or .csv)");
        }
        if (anyFile(path, ".tar")) return WDS;
        if (anyFile(path, ".parquet")) return PARQUET;
        if (anyFile(path, ".csv")) return CSV;
        try (Stream<Path> s = Files.list(path)) {
            if (s.anyMatch(p -> Files.isDirectory(p) && FilesCorpus.hasCaptions(p))) return FILES;
        }
        throw new IOException(path + ": no corpus found (no .tar shards, .parquet or .csv tables, or img2dataset folders)");
    }

    private static boolean anyFile(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext));
        }
    }

    /** Opens the corpus at {@code path} in this format ({@link #AUTO} detects it). */
    public CorpusReader open(Path path, TableColumns columns) throws IOException {
        CorpusFormat f = this == AUTO ? detect(path) : this;
        return switch (f) {
            case WDS -> new WebDatasetCorpus(path);
            case FILES -> new FilesCorpus(path);
            case PARQUET -> new TableCorpus(path, TableCorpus.Kind.PARQUET, columns);
            case CSV -> new TableCorpus(csvPath(path), TableCorpus.Kind.CSV, columns);
            case AUTO -> throw new IllegalStateException();
        };
    }

    /** In a corpus folder, prefer {@code metadata.csv} over other CSV files (the synthetic corpus has two). */
    private static Path csvPath(Path path) {
        Path m = path.resolve("metadata.csv");
        return Files.isDirectory(path) && Files.isRegularFile(m) ? m : path;
    }
}
