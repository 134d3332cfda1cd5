package org.alor.synth;

import org.alor.clip.ImageBytes;
import org.alor.clip.RgbImage;
import org.alor.retrieval.CaptionRecord;
import org.alor.retrieval.WebDatasetCorpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * All image–caption pairs of a webdataset corpus folder, decoded into memory (the sample corpus is
 * 10,000 pairs of 64×64 ≈ 120 MB of RGB). Damaged input never stops the load: a truncated member or
 * a caption that is not UTF-8 (reported by {@link WebDatasetCorpus}), an image that does not decode
 * or a caption without image is skipped with a warning naming the shard and the member.
 */
public final class PretrainCorpus {
    private final List<PretrainPair> pairs;
    private final int skipped;

    private PretrainCorpus(List<PretrainPair> pairs, int skipped) {
        this.pairs = List.copyOf(pairs);
        this.skipped = skipped;
    }

    public static PretrainCorpus load(Path dir, Consumer<String> warnings) throws IOException {
        WebDatasetCorpus corpus = new WebDatasetCorpus(dir);
        List<PretrainPair> pairs = new ArrayList<>();
        int[] problems = {0};
        Consumer<String> counting = w -> {
            problems[0]++;
            warnings.accept(w);
        };
        for (String shard : corpus.shards()) {
            List<CaptionRecord> records = new ArrayList<>();
            try {
                corpus.scan(shard, records::add, counting);
            } catch (IOException e) {
                counting.accept(shard + ": cannot read shard (" + e.getMessage() + "); shard skipped");
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (CaptionRecord r : records) keys.add(r.key());
            Map<String, RgbImage> images = new HashMap<>();
            Set<String> undecodable = new java.util.HashSet<>();
            try {
                corpus.readImages(shard, keys, (key, bytes) -> {
                    try {
                        images.put(key, ImageBytes.decode(bytes, shard + ": member " + key));
                    } catch (IOException e) {
                        undecodable.add(key);
                        counting.accept(e.getMessage() + "; pair skipped");
                    }
                });
            } catch (IOException e) {
                counting.accept(shard + ": cannot read images (" + e.getMessage() + "); rest of the shard skipped");
            }
            for (CaptionRecord r : records) {
                RgbImage image = images.get(r.key());
                if (image == null) {
                    if (!undecodable.contains(r.key())) {
                        counting.accept(shard + ": sample " + r.key() + " has a caption but no image; pair skipped");
                    }
                    continue;
                }
                pairs.add(new PretrainPair(shard, r.key(), image, r.caption()));
            }
        }
        return new PretrainCorpus(pairs, problems[0]);
    }

    public List<PretrainPair> pairs() {
        return pairs;
    }

    public int size() {
        return pairs.size();
    }

    /** Number of warnings (skipped members, pairs or shard tails). */
    public int problems() {
        return skipped;
    }
}
