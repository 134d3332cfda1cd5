package org.alor.retrieval;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finished shards of a scan, one file per shard ({@code <dir>/<shard>.jsonl}: a header line, then one line per
 * match), written to a temporary file, synced and atomically renamed, so a killed run leaves only whole shards.
 * A {@code fingerprint} file (corpus, shards and synonyms) invalidates everything when the inputs change.
 */
final class ScanProgressStore {
    private static final String FINGERPRINT = "fingerprint";
    private final Path dir;
    private final Gson gson = new Gson();

    ScanProgressStore(Path dir) {
        this.dir = dir;
    }

    /** Keeps the finished shards if they were made with {@code fingerprint}, else starts afresh. */
    void begin(String fingerprint) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(FINGERPRINT);
        String old = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
        if (fingerprint.equals(old)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
        writeAtomically(f, fingerprint);
    }

    Optional<ShardResult> load(String shard) throws IOException {
        Path f = file(shard);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            JsonObject head = JsonParser.parseString(r.readLine()).getAsJsonObject();
            List<String> warnings = new ArrayList<>();
            for (JsonElement w : head.getAsJsonArray("warnings")) warnings.add(w.getAsString());
            List<CaptionMatch> matches = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                JsonArray refs = o.getAsJsonArray("r");
                int[] ids = new int[refs.size()];
                for (int i = 0; i < ids.length; i++) ids[i] = refs.get(i).getAsInt();
                String url = o.has("u") ? o.get("u").getAsString() : null;
                matches.add(new CaptionMatch(new CaptionRecord(o.get("k").getAsString(), o.get("c").getAsString(), url, shard), ids));
            }
            return Optional.of(new ShardResult(shard, head.get("captions").getAsLong(), matches, warnings));
        } catch (RuntimeException e) {
            Files.deleteIfExists(f); // unreadable progress: scan the shard again
            return Optional.empty();
        }
    }

    void save(ShardResult result) {
        StringBuilder sb = new StringBuilder();
        JsonObject head = new JsonObject();
        head.addProperty("shard", result.shard());
        head.addProperty("captions", result.captions());
        JsonArray w = new JsonArray();
        result.warnings().forEach(w::add);
        head.add("warnings", w);
        sb.append(gson.toJson(head)).append('\n');
        for (CaptionMatch m : result.matches()) {
            JsonObject o = new JsonObject();
            o.addProperty("k", m.record().key());
            o.addProperty("c", m.record().caption());
            if (m.record().url() != null) o.addProperty("u", m.record().url());
            JsonArray r = new JsonArray();
            for (int id : m.refs()) r.add(id);
            o.add("r", r);
            sb.append(gson.toJson(o)).append('\n');
        }
        try {
            writeAtomically(file(result.shard()), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot record the progress of shard " + result.shard(), e);
        }
    }

    private Path file(String shard) {
        return dir.resolve(URLEncoder.encode(shard, StandardCharsets.UTF_8) + ".jsonl");
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
