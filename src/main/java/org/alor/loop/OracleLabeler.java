package org.alor.loop;

import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.util.List;

/** Reveals the true labels stored with the samples (simulation); all answers of a round in one transaction. */
public final class OracleLabeler implements Labeler {
    public static final String WHO = "oracle";

    @Override
    public void label(ProjectStore store, int round, List<LabelRequest> requests, CancellationToken token) {
        token.throwIfCancelled();
        store.database().inTransaction(c -> {
            for (LabelRequest r : requests) store.labelLog().label(r.sampleId(), trueLabel(store, r.sampleId()), WHO, round);
            return null;
        });
    }

    static int trueLabel(ProjectStore store, long sampleId) {
        StoredSample s = store.sampleTable().byId(sampleId)
                .orElseThrow(() -> new IllegalStateException("no sample with id " + sampleId));
        if (s.trueLabel() == null) {
            throw new IllegalStateException("sample " + s.path() + " has no true label: the oracle can only label"
                    + " pools whose labels are known (use a person to label instead)");
        }
        return s.trueLabel();
    }
}
