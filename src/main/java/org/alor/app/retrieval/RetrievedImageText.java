package org.alor.app.retrieval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.store.StoredSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a person reads about a retrieved image: its provenance JSON as sentences, and its ranking score. */
final class RetrievedImageText {
    private RetrievedImageText() {
    }

    /** Caption, matched synonym, ranking score, source and size, one per line; never the raw JSON. */
    static String tooltip(StoredSample s) {
        JsonObject o = parse(s.provenanceJson()).orElse(new JsonObject());
        List<String> lines = new ArrayList<>();
        text(o, "caption").ifPresent(c -> lines.add("\u201c" + c + "\u201d"));
        text(o, "synonym").ifPresent(syn -> lines.add("matched on \u201c" + syn + "\u201d"));
        score(s).ifPresent(v -> lines.add(String.format(Locale.ROOT, "ranking score %.2f", v)));
        String source = text(o, "corpus").map(c -> "from " + c).orElse("")
                + text(o, "shard").map(sh -> " shard " + sh).orElse("")
                + text(o, "key").map(k -> ", item " + k).orElse("");
        if (!source.isBlank()) lines.add(source.trim());
        text(o, "url").ifPresent(lines::add);
        lines.add(s.width() + " \u00d7 " + s.height() + " px \u00b7 " + s.path());
        return String.join("\n", lines);
    }

    /** The ranking score recorded at retrieval, if any. */
    static Optional<Double> score(StoredSample s) {
        Optional<JsonObject> o = parse(s.provenanceJson());
        if (o.isEmpty() || !o.get().has("score")) return Optional.empty();
        try {
            return Optional.of(o.get().get("score").getAsDouble());
        } catch (RuntimeException notANumber) {
            return Optional.empty();
        }
    }

    /** Highest ranking score first; images without a score last, in their stored order. */
    static List<StoredSample> byScore(List<StoredSample> samples) {
        List<StoredSample> out = new ArrayList<>(samples);
        out.sort(Comparator.comparingDouble((StoredSample s) -> score(s).orElse(Double.NEGATIVE_INFINITY)).reversed());
        return out;
    }

    private static Optional<String> text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) return Optional.empty();
        String v = e.getAsString();
        return v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<JsonObject> parse(String json) {
        if (json == null) return Optional.empty();
        try {
            JsonElement e = JsonParser.parseString(json);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
