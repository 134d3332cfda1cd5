package org.alor.store;

import org.alor.data.LabeledSample;
import org.alor.data.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effective label of every task sample: the latest label a person (or the oracle) gave, else the
 * dataset's own label when it has one. Unsure and skipped marks do not replace a known label.
 */
public final class CurrentLabels {
    private CurrentLabels() {
    }

    /** Pool, val and test samples with their effective labels ({@code null} when none is known). */
    public static List<LabeledSample> of(ProjectStore store) {
        Map<Long, LabelState> labels = store.labelLog().current();
        List<LabeledSample> out = new ArrayList<>();
        for (Split split : List.of(Split.POOL, Split.VAL, Split.TEST)) {
            for (StoredSample s : store.sampleTable().bySplit(split)) {
                LabelState state = labels.get(s.id());
                Integer label = state != null && state.isLabeled() ? state.classId() : s.trueLabel();
                out.add(new LabeledSample(s.path(), split, label));
            }
        }
        return out;
    }
}
