package org.alor.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the open corpus as webdataset tar shards ({@code shard-00000.tar}: {@code <key>.json},
 * {@code <key>.png}, {@code <key>.txt} per pair, sorted by member name) plus {@code metadata.csv}
 * (key,caption,url) and {@code metadata-laion.csv} (SAMPLE_ID,URL,TEXT as in LAION's parquet).
 */
final class CorpusWriter {
    static final String METADATA = "metadata.csv", METADATA_LAION = "metadata-laion.csv";

    private final SynthWorld world;

    CorpusWriter(SynthWorld world) {
        this.world = world;
    }

    Map<String, String> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> hashes = new LinkedHashMap<>();
        List<CorpusPair> pairs = world.corpus();
        int shardSize = world.config().shardSize(), size = world.config().imageSize();
        List<Species> species = world.species();
        try (OrderedParallel workers = new OrderedParallel(world.config().threads())) {
            for (int from = 0, shard = 0; from < pairs.size(); from += shardSize, shard++) {
                int to = Math.min(pairs.size(), from + shardSize);
                List<byte[]> pngs = workers.map(from, to, i -> {
                    CorpusPair p = pairs.get(i);
                    return Png.encode(p.speciesId() >= 0
                            ? SceneRenderer.bird(species.get(p.speciesId()), p.imageSeed(), size, world.config().corpusDomain(p.imageSeed()))
                            : SceneRenderer.distractor(p.distractor(), p.imageSeed(), size));
                });
                String name = String.format(java.util.Locale.ROOT, "shard-%05d.tar", shard);
                MessageDigest sha = sha256();
                try (UstarWriter tar = new UstarWriter(new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16), sha))) {
                    for (int i = from; i < to; i++) {
                        CorpusPair p = pairs.get(i);
                        tar.add(p.key() + ".json", json(p).getBytes(StandardCharsets.UTF_8));
                        tar.add(p.key() + ".png", pngs.get(i - from));
                        tar.add(p.key() + ".txt", p.caption().getBytes(StandardCharsets.UTF_8));
                    }
                }
                hashes.put(name, HexFormat.of().formatHex(sha.digest()));
            }
        }
        hashes.put(METADATA, writeText(dir.resolve(METADATA), table(pairs, false)));
        hashes.put(METADATA_LAION, writeText(dir.resolve(METADATA_LAION), table(pairs, true)));
        return hashes;
    }

    static String json(CorpusPair p) {
        JsonObject o = new JsonObject();
        o.addProperty("key", p.key());
        o.addProperty("caption", p.caption());
        o.addProperty("url", p.url());
        o.addProperty("species_id", p.speciesId());
        JsonArray names = new JsonArray();
        p.namesMentioned().forEach(names::add);
        o.add("names_mentioned", names);
        return WorldJson.GSON_COMPACT.toJson(o);
    }

    private static String table(List<CorpusPair> pairs, boolean laionColumns) {
        StringBuilder sb = new StringBuilder();
        sb.append(laionColumns ? Csv.row(List.of("SAMPLE_ID", "URL", "TEXT")) : Csv.row(List.of("key", "caption", "url")));
        for (CorpusPair p : pairs) {
            sb.append(laionColumns
                    ? Csv.row(List.of(Long.toString(Long.parseLong(p.key())), p.url(), p.caption()))
                    : Csv.row(List.of(p.key(), p.caption(), p.url())));
        }
        return sb.toString();
    }

    private static String writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
