package org.alor.store;

import org.alor.data.SampleRecord;
import org.alor.data.Split;

/**
 * A sample as stored, with its database id.
 *
 * @param path           relative to the dataset root (task splits) or to the project folder (retrieved)
 * @param provenanceJson for retrieved samples: where they came from (corpus, shard, key, url, synonym, score), else null
 */
public record StoredSample(long id, String path, Split split, Integer trueLabel, int width, int height,
                           String contentHash, String provenanceJson) {
    public SampleRecord record() {
        return new SampleRecord(path, split, trueLabel, width, height, contentHash);
    }
}
