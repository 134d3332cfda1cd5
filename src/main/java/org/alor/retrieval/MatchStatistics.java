package org.alor.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-synonym counts, {@code actual_freq} and {@code most_common_name} from the matches of a scan (docs/method.md §6.2). */
public final class MatchStatistics {
    private MatchStatistics() {
    }

    public static List<ClassStats> compute(List<ClassSynonyms> classes, CaptionMatcher matcher, List<CaptionMatch> matches) {
        List<SynonymRef> refs = matcher.refs();
        int[] refCounts = new int[refs.size()];
        Map<Integer, Integer> freq = new LinkedHashMap<>();
        for (CaptionMatch m : matches) {
            for (int r : m.refs()) refCounts[r]++;
            for (int c : matcher.classesOf(m.refs())) freq.merge(c, 1, Integer::sum);
        }
        Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (int r = 0; r < refs.size(); r++) {
            counts.computeIfAbsent(refs.get(r).classId(), k -> new LinkedHashMap<>()).put(refs.get(r).synonym(), refCounts[r]);
        }
        List<ClassStats> out = new ArrayList<>();
        for (ClassSynonyms c : classes) {
            Map<String, Integer> syn = new LinkedHashMap<>();
            for (String s : c.synonyms()) syn.put(s, counts.getOrDefault(c.classId(), Map.of()).getOrDefault(s, 0));
            out.add(new ClassStats(c.classId(), c.name(), syn, freq.getOrDefault(c.classId(), 0), MostCommonName.choose(c.name(), syn)));
        }
        return out;
    }
}
