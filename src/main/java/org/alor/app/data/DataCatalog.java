package org.alor.app.data;

import org.alor.data.Split;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
import org.alor.store.Prediction;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.StoredSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every image of a project for the Data browser: its split, its known label and the latest round's prediction.
 *
 * @param predictionRound the round whose predictions are shown, or null when no round stored any
 */
public record DataCatalog(List<DataItem> items, Integer predictionRound) {
    public static DataCatalog load(ProjectStore store) {
        Map<Long, LabelState> labels = store.labelLog().current();
        Integer round = null;
        Map<Long, Prediction> predictions = new HashMap<>();
        List<RoundRecord> rounds = new ArrayList<>(store.roundTable().all());
        for (int r = rounds.size() - 1; r >= 0 && round == null; r--) {
            int index = rounds.get(r).index();
            for (Split split : Split.values()) {
                for (Prediction p : store.predictionTable().byRound(index, split)) predictions.put(p.sampleId(), p);
            }
            if (!predictions.isEmpty()) round = index;
        }
        List<DataItem> items = new ArrayList<>();
        for (Split split : List.of(Split.POOL, Split.VAL, Split.TEST, Split.RETRIEVED)) {
            for (StoredSample s : store.sampleTable().bySplit(split)) {
                Integer label;
                if (split == Split.POOL) {
                    LabelState state = labels.get(s.id());
                    label = state != null && state.kind() == LabelKind.LABEL ? state.classId() : null;
                } else {
                    label = s.trueLabel();
                }
                Prediction p = predictions.get(s.id());
                items.add(new DataItem(s.id(), split, s.path(), label, p == null ? null : p.predicted(),
                        p == null ? null : p.confidence()));
            }
        }
        return new DataCatalog(List.copyOf(items), round);
    }
}
