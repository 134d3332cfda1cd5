package org.alor.retrieval;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The provenance JSON of a retrieved sample: corpus, shard, key, url, caption, synonym, score and class. */
final class Provenance {
    private static final Gson GSON = new Gson();

    private Provenance() {
    }

    static String json(String corpus, KeptItem k) {
        JsonObject o = new JsonObject();
        o.addProperty("corpus", corpus);
        o.addProperty("shard", k.record().shard());
        o.addProperty("key", k.record().key());
        if (k.record().url() != null) o.addProperty("url", k.record().url());
        o.addProperty("caption", k.record().caption());
        o.addProperty("synonym", k.synonym());
        if (k.score() != null) o.addProperty("score", k.score());
        o.addProperty("class", k.classId());
        return GSON.toJson(o);
    }

    /** Identity of a retrieved item: class, shard and key (the same image may serve two classes). */
    static String identity(int classId, String shard, String key) {
        return classId + "\t" + shard + "\t" + key;
    }

    static String identityOf(String provenanceJson) {
        try {
            JsonObject o = JsonParser.parseString(provenanceJson).getAsJsonObject();
            return identity(o.get("class").getAsInt(), o.get("shard").getAsString(), o.get("key").getAsString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
