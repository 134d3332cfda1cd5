package org.alor.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per class, the matched records to keep (docs/method.md §6.4): ranked by caption–prompt cosine, top {@code cap} with
 * score ≥ 0 (ties keep corpus order); without a ranker, the first {@code cap} in corpus order.
 */
public final class ClassSelection {
    private ClassSelection() {
    }

    /** @param ranker null for corpus order */
    public static Map<Integer, List<KeptItem>> select(List<ClassSynonyms> classes, CaptionMatcher matcher,
                                                      List<CaptionMatch> matches, int cap, CaptionRanker ranker) {
        Map<Integer, List<KeptItem>> candidates = new LinkedHashMap<>();
        for (ClassSynonyms c : classes) candidates.put(c.classId(), new ArrayList<>());
        List<SynonymRef> refs = matcher.refs();
        for (CaptionMatch m : matches) {
            int lastClass = Integer.MIN_VALUE;
            for (int r : m.refs()) { // refs ascend and are grouped by class in class order
                SynonymRef ref = refs.get(r);
                if (ref.classId() == lastClass) continue;
                lastClass = ref.classId();
                List<KeptItem> list = candidates.get(ref.classId());
                if (list != null) list.add(new KeptItem(ref.classId(), m.record(), ref.synonym(), null));
            }
        }
        Map<Integer, List<KeptItem>> out = new LinkedHashMap<>();
        for (ClassSynonyms c : classes) {
            List<KeptItem> list = candidates.get(c.classId());
            if (ranker == null || list.isEmpty()) {
                out.put(c.classId(), List.copyOf(list.subList(0, Math.min(cap, list.size()))));
                continue;
            }
            float[] prompt = ranker.classPrompt(c.synonyms());
            double[] scores = ranker.scores(prompt, list.stream().map(k -> k.record().caption()).toList());
            List<KeptItem> scored = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (scores[i] >= 0) scored.add(new KeptItem(c.classId(), list.get(i).record(), list.get(i).synonym(), scores[i]));
            }
            scored.sort(Comparator.comparingDouble((KeptItem k) -> k.score()).reversed()); // stable: ties keep corpus order
            out.put(c.classId(), List.copyOf(scored.subList(0, Math.min(cap, scored.size()))));
        }
        return out;
    }
}
