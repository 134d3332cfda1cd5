package org.alor.app.retrieval;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.ClassSynonym;
import org.alor.retrieval.RetrievalJob;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.StoredSample;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The retrieval picture of a project, from the store: per class its synonyms with caption counts,
 * how many captions matched and how many images were kept, which classes form the tail, and the
 * retrieved samples per class.
 */
public record RetrievalData(List<Row> rows, Map<Integer, List<StoredSample>> retrieved, boolean showImages,
                            boolean retrievalRan) {
    /** The cap of kept images per class (docs/method.md §6.4). */
    public static final int CAP = 500;

    /**
     * One class; {@code matched} sums the caption counts of its non-excluded synonyms, which mean something only
     * once retrieval ran ({@code retrievalRan}).
     */
    public record Row(int classId, String name, String commonName, List<ClassSynonym> synonyms, int matched, int kept,
                      boolean tail, boolean retrievalRan) {
        /** The name the table, the chart and the rest of the app show for the class (its most common name). */
        public String displayName() {
            return commonName;
        }

        public String matchedText() {
            return retrievalRan ? Integer.toString(matched) : "not retrieved yet";
        }

        public String synonymText() {
            StringBuilder sb = new StringBuilder();
            for (ClassSynonym s : synonyms) {
                if (sb.length() > 0) sb.append(" | ");
                sb.append(s.excluded() ? "(" + s.synonym() + ")" : s.synonym());
            }
            return sb.toString();
        }
    }

    public static RetrievalData load(ProjectStore store) {
        return load(store, false);
    }

    /** With safe content on, thumbnails are shown only if the project allows them ({@code show_retrieved_images}). */
    public static RetrievalData load(ProjectStore store, boolean safeContent) {
        SortedMap<Integer, Integer> kept = store.sampleTable().trueLabelCounts(Split.RETRIEVED);
        boolean ran = !kept.isEmpty() || Files.isDirectory(store.dir().resolve(RetrievalJob.PROGRESS_DIR))
                || !RetrievedExclusions.all(store).isEmpty();
        List<Row> rows = new ArrayList<>();
        for (ClassInfo c : store.classTable().all()) {
            List<ClassSynonym> syn = store.classTable().synonyms(c.id());
            int matched = syn.stream().filter(s -> !s.excluded()).mapToInt(ClassSynonym::corpusCount).sum();
            rows.add(new Row(c.id(), c.name(), c.mostCommonName(), syn, matched, kept.getOrDefault(c.id(), 0), false, ran));
        }
        List<Row> byKept = new ArrayList<>(rows);
        byKept.sort(Comparator.comparingInt(Row::kept).thenComparingInt(Row::classId));
        int tailSize = (int) Math.ceil(rows.size() / 3.0);
        java.util.Set<Integer> tail = new java.util.HashSet<>();
        for (int i = 0; i < tailSize && i < byKept.size(); i++) tail.add(byKept.get(i).classId());
        List<Row> out = new ArrayList<>();
        for (Row r : rows) out.add(new Row(r.classId(), r.name(), r.commonName(), r.synonyms(), r.matched(), r.kept(),
                tail.contains(r.classId()), ran));
        Map<Integer, List<StoredSample>> byClass = new TreeMap<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.RETRIEVED)) {
            if (s.trueLabel() != null) byClass.computeIfAbsent(s.trueLabel(), k -> new ArrayList<>()).add(s);
        }
        return new RetrievalData(out, byClass, RetrievedImageExclusion.showRetrievedImages(store, safeContent), ran);
    }

    /** Rows sorted by kept images, most first (the long-tail chart's order). */
    public List<Row> byKeptDescending() {
        List<Row> list = new ArrayList<>(rows);
        list.sort(Comparator.comparingInt(Row::kept).reversed().thenComparingInt(Row::classId));
        return list;
    }
}
