package org.alor.loop;

import org.alor.data.Split;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sample ids with labels, as read from the store for one purpose: the training set (retrieved ∪ labeled pool),
 * an evaluation split, or the remaining pool (labels unknown: -1).
 */
record LabeledSet(List<Long> ids, int[] labels, int retrieved, int labeledPool) {

    /** Retrieved images (when {@code rda}) with their class, then pool images a person or the oracle labeled. */
    static LabeledSet training(ProjectStore store, Map<Long, LabelState> states, boolean rda) {
        List<Long> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int retrieved = 0;
        if (rda) {
            for (StoredSample s : store.sampleTable().bySplit(Split.RETRIEVED)) {
                if (s.trueLabel() == null) continue;
                ids.add(s.id());
                labels.add(s.trueLabel());
                retrieved++;
            }
        }
        int labeled = 0;
        for (StoredSample s : store.sampleTable().bySplit(Split.POOL)) {
            LabelState st = states.get(s.id());
            if (st == null || !st.isLabeled()) continue;
            ids.add(s.id());
            labels.add(st.classId());
            labeled++;
        }
        return new LabeledSet(ids, labels.stream().mapToInt(Integer::intValue).toArray(), retrieved, labeled);
    }

    /** Val or test samples with a known label (a person's label wins over the dataset's). */
    static LabeledSet evaluation(ProjectStore store, Map<Long, LabelState> states, Split split) {
        List<Long> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(split)) {
            LabelState st = states.get(s.id());
            Integer label = st != null && st.isLabeled() ? st.classId() : s.trueLabel();
            if (label == null) continue;
            ids.add(s.id());
            labels.add(label);
        }
        return new LabeledSet(ids, labels.stream().mapToInt(Integer::intValue).toArray(), 0, 0);
    }

    /** Pool samples without any answer yet (no label, unsure or skip): the candidates for selection. */
    static LabeledSet remainingPool(ProjectStore store, Map<Long, LabelState> states) {
        List<Long> ids = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.POOL)) {
            if (!states.containsKey(s.id())) ids.add(s.id());
        }
        int[] none = new int[ids.size()];
        java.util.Arrays.fill(none, -1);
        return new LabeledSet(ids, none, 0, 0);
    }

    int size() {
        return ids.size();
    }

    int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int y : labels) counts[y]++;
        return counts;
    }
}
