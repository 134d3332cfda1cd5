package org.alor.retrieval;

import java.util.ArrayList;
import java.util.List;

/** The outcome of scanning a corpus: shard results in shard order, so the result is independent of threading. */
public record ScanResult(List<ShardResult> shards, List<String> failedShards) {
    public long captions() {
        return shards.stream().mapToLong(ShardResult::captions).sum();
    }

    /** Matches in corpus order (shard order, then record order). */
    public List<CaptionMatch> matches() {
        List<CaptionMatch> out = new ArrayList<>();
        for (ShardResult s : shards) out.addAll(s.matches());
        return out;
    }

    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (ShardResult s : shards) out.addAll(s.warnings());
        out.addAll(failedShards);
        return out;
    }
}
