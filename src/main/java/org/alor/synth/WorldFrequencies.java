package org.alor.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hidden per-species corpus pair counts of a synthetic world ({@code world.json}), by scientific name. */
public final class WorldFrequencies {
    public static final String FILE = "world.json";

    private WorldFrequencies() {
    }

    /** scientific name → number of corpus pairs showing that species. */
    public static Map<String, Integer> read(Path worldJson) throws IOException {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(worldJson, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(worldJson + ": not a synthetic-world JSON file (" + e.getMessage() + ")", e);
        }
        if (!root.has("species") || !root.get("species").isJsonArray()) {
            throw new IOException(worldJson + ": no \"species\" list");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonArray("species")) {
            JsonObject s = e.getAsJsonObject();
            out.put(s.get("scientific_name").getAsString(), s.get("corpus_pairs").getAsInt());
        }
        return out;
    }
}
