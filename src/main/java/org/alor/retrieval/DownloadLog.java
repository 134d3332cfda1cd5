package org.alor.retrieval;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-item download status, appended as JSON lines ({@code id, url, status, code, file, width, height, sha256});
 * the last line of an id wins. A torn last line (killed process) is ignored on reading.
 */
public final class DownloadLog implements AutoCloseable {
    /** The recorded outcome for one item. */
    public record Entry(String id, String url, ItemStatus status, SavedImage image) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final BufferedWriter out;
    private final Gson gson = new Gson();

    public DownloadLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.isRegularFile(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) parse(line, file.getParent());
            }
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void parse(String line, Path dir) {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            ItemStatus st = new ItemStatus(ItemStatus.Kind.valueOf(o.get("status").getAsString()), o.get("code").getAsInt(),
                    o.has("detail") ? o.get("detail").getAsString() : "");
            SavedImage img = null;
            if (o.has("file")) {
                img = new SavedImage(Path.of(o.get("file").getAsString()), o.get("width").getAsInt(),
                        o.get("height").getAsInt(), o.get("sha256").getAsString());
            }
            String id = o.get("id").getAsString();
            entries.put(id, new Entry(id, o.has("url") ? o.get("url").getAsString() : null, st, img));
        } catch (RuntimeException ignored) {
            // a torn line from a killed run
        }
    }

    public synchronized Optional<Entry> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public synchronized void record(Entry e) throws IOException {
        entries.put(e.id(), e);
        JsonObject o = new JsonObject();
        o.addProperty("id", e.id());
        if (e.url() != null) o.addProperty("url", e.url());
        o.addProperty("status", e.status().kind().name());
        o.addProperty("code", e.status().httpCode());
        o.addProperty("detail", e.status().detail());
        if (e.image() != null) {
            o.addProperty("file", e.image().file().toString());
            o.addProperty("width", e.image().width());
            o.addProperty("height", e.image().height());
            o.addProperty("sha256", e.image().sha256());
        }
        out.write(gson.toJson(o));
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
