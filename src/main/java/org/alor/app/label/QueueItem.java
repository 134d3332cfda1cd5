package org.alor.app.label;

import org.alor.store.Selection;
import org.alor.store.StoredSample;

import java.nio.file.Path;

/** One image of a round's labeling queue: why it was picked, what it is, and where its file is. */
public record QueueItem(Selection selection, StoredSample sample, Path file) {
    public long sampleId() {
        return sample.id();
    }
}
