package org.alor.synth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** world.json: the config, every species with its traits, corpus frequency and split sizes, and corpus file hashes. */
final class WorldJson {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final Gson GSON_COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private WorldJson() {
    }

    static void write(SynthWorld world, Map<String, String> corpusHashes, Path file) throws IOException {
        SynthConfig c = world.config();
        JsonObject root = new JsonObject();
        root.addProperty("format", c.domainGap() ? "alor-synthetic-aves/2" : "alor-synthetic-aves/1");
        root.addProperty("command", WorldReadme.command(c));
        JsonObject cfg = new JsonObject();
        cfg.addProperty("seed", c.seed());
        cfg.addProperty("species", c.species());
        cfg.addProperty("corpus_pairs", c.corpusPairs());
        cfg.addProperty("image_size", c.imageSize());
        cfg.addProperty("shard_size", c.shardSize());
        cfg.addProperty("pool_max", c.poolMax());
        cfg.addProperty("pool_min", c.poolMin());
        cfg.addProperty("val_per_class", c.valPerClass());
        cfg.addProperty("test_per_class", c.testPerClass());
        cfg.addProperty("scientific_captions", c.scientificCaptions());
        root.add("config", cfg);

        int[] counts = world.corpusCounts(), ranks = world.frequencyRanks();
        int[] pool = world.splitCounts("pool"), val = world.splitCounts("val"), test = world.splitCounts("test");
        JsonArray species = new JsonArray();
        for (Species s : world.species()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", s.id());
            o.addProperty("scientific_name", s.scientificName());
            o.addProperty("common_name", s.commonName());
            o.addProperty("genus", s.genus());
            o.addProperty("group", s.group().noun);
            o.addProperty("slug", s.slug());
            BirdTraits t = s.traits();
            JsonObject traits = new JsonObject();
            traits.addProperty("body", t.body().name().toLowerCase(java.util.Locale.ROOT));
            traits.addProperty("wing", t.wing().name().toLowerCase(java.util.Locale.ROOT));
            traits.addProperty("head", t.head().name().toLowerCase(java.util.Locale.ROOT));
            traits.addProperty("beak_shape", t.beakShape().name().toLowerCase(java.util.Locale.ROOT));
            traits.addProperty("beak_length", Math.round(t.beakLength() * 1000) / 1000.0);
            traits.addProperty("tail_shape", t.tailShape().name().toLowerCase(java.util.Locale.ROOT));
            traits.addProperty("crest", t.crest());
            traits.addProperty("eye_ring", t.eyeRing());
            traits.addProperty("wing_pattern", t.wingPattern().name().toLowerCase(java.util.Locale.ROOT));
            o.add("traits", traits);
            o.addProperty("corpus_pairs", counts[s.id()]);
            o.addProperty("corpus_rank", ranks[s.id()]);
            o.addProperty("pool", pool[s.id()]);
            o.addProperty("val", val[s.id()]);
            o.addProperty("test", test[s.id()]);
            species.add(o);
        }
        root.add("species", species);

        JsonObject corpus = new JsonObject();
        int birds = 0;
        for (int n : counts) birds += n;
        corpus.addProperty("pairs", world.corpus().size());
        corpus.addProperty("bird_pairs", birds);
        corpus.addProperty("non_bird_pairs", world.corpus().size() - birds);
        corpus.addProperty("zipf_exponent", LongTail.EXPONENT);
        corpus.addProperty("wrong_species_caption_share", CaptionWriter.WRONG_SPECIES);
        JsonObject files = new JsonObject();
        corpusHashes.forEach(files::addProperty);
        corpus.add("sha256", files);
        root.add("corpus", corpus);
        Files.writeString(file, GSON.toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    /** The config recorded in a world.json. */
    static SynthConfig readConfig(Path file) throws IOException {
        JsonObject root = parse(file);
        JsonObject c = root.getAsJsonObject("config");
        if (c == null) throw new IOException(file + ": no \"config\" object; not a synthetic world description");
        try {
            return new SynthConfig(c.get("seed").getAsLong(), c.get("species").getAsInt(), c.get("corpus_pairs").getAsInt(),
                    c.get("image_size").getAsInt(), c.get("shard_size").getAsInt(), c.get("pool_max").getAsInt(),
                    c.get("pool_min").getAsInt(), c.get("val_per_class").getAsInt(), c.get("test_per_class").getAsInt(), 2,
                    !"alor-synthetic-aves/1".equals(root.has("format") ? root.get("format").getAsString() : ""),
                    c.has("scientific_captions") ? c.get("scientific_captions").getAsDouble() : SynthConfig.DEFAULT_SCIENTIFIC_CAPTIONS);
        } catch (RuntimeException e) {
            throw new IOException(file + ": bad or missing config field (" + e.getMessage() + ")");
        }
    }

    static JsonObject parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": not found");
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")");
        }
    }
}
