package org.alor.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The folder layout of a written world, preparing it for (re)writing, and the corpus check. */
final class WorldLayout {
    static final String CORPUS_DIR = "corpus";
    private static final List<String> OWNED = List.of("images", CORPUS_DIR, "pool.txt", "val.txt", "test.txt",
            "classes.json", "world.json", "README.md");

    private WorldLayout() {
    }

    /** Creates {@code out}, or clears a previous world there; refuses a non-empty folder that is not one. */
    static void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new IOException(out + ": exists and is not a folder");
        Files.createDirectories(out);
        boolean empty;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            empty = !ds.iterator().hasNext();
        }
        if (empty) return;
        if (!Files.exists(out.resolve("world.json"))) {
            throw new IOException(out + ": folder is not empty and holds no world.json; choose an empty or new folder");
        }
        for (String name : OWNED) deleteRecursively(out.resolve(name));
    }

    static SynthWorld.CorpusCheck ensureCorpus(Path datasetDir) throws IOException {
        Path worldFile = datasetDir.resolve("world.json");
        SynthConfig config = WorldJson.readConfig(worldFile);
        Map<String, String> recorded = recordedHashes(WorldJson.parse(worldFile), worldFile);
        Path corpus = datasetDir.resolve(CORPUS_DIR);
        if (allPresent(corpus, recorded)) return SynthWorld.CorpusCheck.PRESENT;
        deleteRecursively(corpus);
        Map<String, String> written = SynthWorld.create(config).writeCorpus(corpus);
        return written.equals(recorded) ? SynthWorld.CorpusCheck.REGENERATED : SynthWorld.CorpusCheck.REGENERATED_BYTES_DIFFER;
    }

    private static Map<String, String> recordedHashes(JsonObject root, Path file) throws IOException {
        JsonObject corpus = root.getAsJsonObject("corpus");
        if (corpus == null || corpus.getAsJsonObject("sha256") == null) throw new IOException(file + ": no corpus.sha256 table");
        Map<String, String> out = new LinkedHashMap<>();
        corpus.getAsJsonObject("sha256").entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }

    private static boolean allPresent(Path corpus, Map<String, String> recorded) throws IOException {
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            Path f = corpus.resolve(e.getKey());
            if (!Files.isRegularFile(f) || !sha256(f).equals(e.getValue())) return false;
        }
        return true;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = CorpusWriter.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
