package org.alor.retrieval;

import java.util.List;

/** What scanning one shard produced: caption count, matches in shard order, warnings. */
public record ShardResult(String shard, long captions, List<CaptionMatch> matches, List<String> warnings) {
}
