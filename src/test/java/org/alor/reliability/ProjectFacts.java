package org.alor.reliability;

import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.LabelState;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.Selection;
import org.alor.store.StoredSample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user would call the project's content, independent of row ids (a resumed run may insert rows in another
 * order): classes, samples by split and path, rounds with their picks and metrics, and the current labels.
 */
record ProjectFacts(List<String> classes, Map<Split, List<String>> samples, List<String> rounds,
                    Map<String, String> labels, String integrity) {

    static ProjectFacts of(Path project) {
        try (ProjectStore store = ProjectStore.open(project)) {
            List<String> classes = store.classTable().all().stream().map(ClassInfo::name).toList();
            Map<Split, List<String>> samples = new TreeMap<>();
            Map<Long, String> pathOf = new TreeMap<>();
            for (Split split : Split.values()) {
                List<String> paths = new ArrayList<>();
                for (StoredSample s : store.sampleTable().bySplit(split)) {
                    paths.add(s.path() + (s.trueLabel() == null ? "" : " = " + s.trueLabel()));
                    pathOf.put(s.id(), split + ":" + s.path());
                }
                paths.sort(String::compareTo);
                samples.put(split, paths);
            }
            List<String> rounds = new ArrayList<>();
            for (RoundRecord r : store.roundTable().all()) {
                StringBuilder b = new StringBuilder(r.index() + " " + r.method() + " " + r.strategy() + " " + r.status());
                for (Selection s : store.roundTable().selections(r.index())) b.append(" pick ").append(pathOf.get(s.sampleId()));
                for (MetricRow m : store.roundTable().metrics(r.index())) {
                    if (m.classId() == null) b.append(" ").append(m.split()).append(" ").append(m.correct()).append("/").append(m.support());
                }
                rounds.add(b.toString());
            }
            Map<String, String> labels = new TreeMap<>();
            for (LabelState l : store.labelLog().current().values()) {
                labels.put(pathOf.get(l.sampleId()), l.kind() + (l.classId() == null ? "" : " " + l.classId()));
            }
            return new ProjectFacts(classes, samples, rounds, labels, store.database().integrityCheck());
        }
    }

    /** Confirmed labels of {@code reference} that this project does not have (or has with another class). */
    int labelsLostAgainst(ProjectFacts reference) {
        int lost = 0;
        for (Map.Entry<String, String> e : reference.labels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) lost++;
        }
        return lost;
    }
}
