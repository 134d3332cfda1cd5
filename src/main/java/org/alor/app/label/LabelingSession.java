package org.alor.app.label;

import org.alor.app.common.SampleFiles;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.Selection;
import org.alor.store.StoredSample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the labeling view needs about one round, read from the store once (on a background thread):
 * the picked samples in pick order, their current labels, the model's suggestions and reference images.
 *
 * @param references per class: images to compare with — labeled pool images first, then retrieved, then val
 */
public record LabelingSession(RoundRecord round, List<ClassInfo> classes, List<QueueItem> items,
                              Map<Long, LabelState> states, Map<Long, List<PredictionSource.ClassProbability>> predictions,
                              Map<Integer, List<Path>> references) {
    public static final int TOP_K = 5;
    public static final int REFERENCES_PER_CLASS = 4;

    public static LabelingSession load(ProjectStore store, int roundIndex, PredictionSource predictions) {
        return load(store, roundIndex, predictions, true);
    }

    /** @param retrievedReferences whether retrieved (web) images may serve as class references (off under safe content) */
    public static LabelingSession load(ProjectStore store, int roundIndex, PredictionSource predictions, boolean retrievedReferences) {
        RoundRecord round = store.roundTable().byIndex(roundIndex)
                .orElseThrow(() -> new IllegalArgumentException("the project has no round " + roundIndex));
        SampleFiles files = SampleFiles.of(store);
        List<QueueItem> items = new ArrayList<>();
        Map<Long, LabelState> all = store.labelLog().current();
        Map<Long, LabelState> states = new HashMap<>();
        Map<Long, List<PredictionSource.ClassProbability>> preds = new HashMap<>();
        List<Selection> selections = new ArrayList<>(store.roundTable().selections(roundIndex));
        selections.sort(java.util.Comparator.comparingInt(Selection::rank));
        for (Selection sel : selections) {
            Optional<StoredSample> s = store.sampleTable().byId(sel.sampleId());
            if (s.isEmpty()) continue;
            items.add(new QueueItem(sel, s.get(), files.resolve(s.get())));
            LabelState st = all.get(sel.sampleId());
            if (st != null) states.put(sel.sampleId(), st);
            preds.put(sel.sampleId(), List.copyOf(predictions.topK(store, roundIndex, sel.sampleId(), TOP_K)));
        }
        return new LabelingSession(round, store.classTable().all(), items, states, preds, references(store, files, all, retrievedReferences));
    }

    /** The item's queue entry as its current label in the store leaves it (pending when it has none). */
    LabelQueue.Entry initialEntry(QueueItem item) {
        LabelState state = states.get(item.sampleId());
        if (state == null) return LabelQueue.entry(item, ItemStatus.PENDING, null);
        if (state.kind() == LabelKind.LABEL) return LabelQueue.entry(item, ItemStatus.LABELED, state.classId());
        if (state.kind() == LabelKind.UNSURE) return LabelQueue.entry(item, ItemStatus.UNSURE, null);
        return LabelQueue.entry(item, ItemStatus.SKIPPED, null);
    }

    /** The latest round that has selections, if any. */
    public static Optional<Integer> latestLabelingRound(ProjectStore store) {
        List<RoundRecord> rounds = new ArrayList<>(store.roundTable().all());
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (!store.roundTable().selections(rounds.get(i).index()).isEmpty()) return Optional.of(rounds.get(i).index());
        }
        return Optional.empty();
    }

    static Map<Integer, List<Path>> references(ProjectStore store, SampleFiles files, Map<Long, LabelState> labels,
                                               boolean retrieved) {
        Map<Integer, List<Path>> out = new LinkedHashMap<>();
        List<StoredSample> pool = store.sampleTable().bySplit(Split.POOL);
        for (StoredSample s : pool) {
            LabelState st = labels.get(s.id());
            if (st != null && st.isLabeled()) add(out, st.classId(), files.resolve(s));
        }
        for (Split split : retrieved ? List.of(Split.RETRIEVED, Split.VAL) : List.of(Split.VAL)) {
            for (StoredSample s : store.sampleTable().bySplit(split)) {
                if (s.trueLabel() != null) add(out, s.trueLabel(), files.resolve(s));
            }
        }
        return out;
    }

    private static void add(Map<Integer, List<Path>> out, int classId, Path file) {
        List<Path> list = out.computeIfAbsent(classId, k -> new ArrayList<>());
        if (list.size() < REFERENCES_PER_CLASS) list.add(file);
    }
}
