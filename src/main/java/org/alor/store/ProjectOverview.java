package org.alor.store;

import org.alor.data.ClassInfo;
import org.alor.data.Split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a person wants to see first about a project: its classes with counts per split, how much is
 * labeled, its rounds and settings, and the problems found. Shared by `alor info` and the app.
 *
 * @param rounds    every round in the store, unfinished ones included
 * @param roundsRun the rounds that trained and picked ({@link #ran})
 */
public record ProjectOverview(String name, Path dir, Map<String, String> settings, List<ClassRow> classes,
                              Map<Split, Integer> countsBySplit, int labeled, int unsure, int rounds, int roundsRun,
                              List<String> problems, List<org.alor.data.ImportProblem> importProblems) {

    /** One class with its sample counts (true labels per split, plus current labels in the pool). */
    public record ClassRow(int id, String name, String mostCommonName, int pool, int val, int test, int retrieved,
                           int labeled) {
    }

    /**
     * A round counts as run once it trained and picked: waiting for labels (the app stops a round there until the
     * next one starts) or done. Rounds cancelled, failed or interrupted before their picks do not count.
     */
    static boolean ran(RoundRecord r) {
        return r.status() == RoundStatus.LABELING || r.status() == RoundStatus.DONE;
    }

    /** Reads the overview; with {@code checkFiles} every sample file is checked for existence. */
    public static ProjectOverview read(ProjectStore store, boolean checkFiles) {
        List<ClassInfo> classes = store.classTable().all();
        Map<Split, SortedMap<Integer, Integer>> perSplit = new EnumMap<>(Split.class);
        for (Split split : Split.values()) perSplit.put(split, store.sampleTable().trueLabelCounts(split));
        SortedMap<Integer, Integer> labeledPerClass = store.labelLog().countsByClass();
        List<ClassRow> rows = new ArrayList<>();
        for (ClassInfo c : classes) {
            rows.add(new ClassRow(c.id(), c.name(), c.mostCommonName(),
                    perSplit.get(Split.POOL).getOrDefault(c.id(), 0), perSplit.get(Split.VAL).getOrDefault(c.id(), 0),
                    perSplit.get(Split.TEST).getOrDefault(c.id(), 0),
                    perSplit.get(Split.RETRIEVED).getOrDefault(c.id(), 0), labeledPerClass.getOrDefault(c.id(), 0)));
        }
        int labeled = 0;
        int unsure = 0;
        for (LabelState s : store.labelLog().current().values()) {
            if (s.kind() == LabelKind.LABEL) labeled++;
            else if (s.kind() == LabelKind.UNSURE) unsure++;
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> settings = new java.util.TreeMap<>(store.settings().all());
        settings.remove(ImportProblemLog.SETTING);
        settings.keySet().removeIf(k -> k.startsWith(Settings.ROUND_STOPPED_PREFIX));
        settings.keySet().removeIf(k -> k.startsWith(Settings.ESTIMATE_RATES_PREFIX));
        if (classes.isEmpty()) problems.add("the project has no classes");
        List<org.alor.data.ImportProblem> skipped = ImportProblemLog.load(store.settings());
        if (!skipped.isEmpty()) {
            problems.add(skipped.size() + " file(s) or line(s) skipped at import, e.g. " + skipped.get(0));
        }
        String root = settings.get(Settings.DATASET_ROOT);
        if (root == null) {
            problems.add("no dataset root is set");
        } else if (!Files.isDirectory(Path.of(root))) {
            problems.add("dataset root " + root + " does not exist");
        } else if (checkFiles) {
            int missing = 0;
            String firstMissing = null;
            for (Split split : List.of(Split.POOL, Split.VAL, Split.TEST)) {
                for (StoredSample s : store.sampleTable().bySplit(split)) {
                    if (!Files.isRegularFile(Path.of(root).resolve(s.path()))) {
                        missing++;
                        if (firstMissing == null) firstMissing = s.path();
                    }
                }
            }
            if (missing > 0) problems.add(missing + " image file(s) missing under " + root + ", e.g. " + firstMissing);
        }
        String checkpoint = settings.get(Settings.CHECKPOINT);
        if (checkpoint != null && !Files.exists(Path.of(checkpoint))) problems.add("checkpoint " + checkpoint + " does not exist");
        String corpus = settings.get(Settings.CORPUS);
        if (corpus != null && !Files.exists(Path.of(corpus))) problems.add("open-data corpus " + corpus + " does not exist");
        Path dir = store.dir().toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        List<RoundRecord> rounds = store.roundTable().all();
        return new ProjectOverview(name, dir, settings, rows, store.sampleTable().countsBySplit(), labeled, unsure,
                rounds.size(), (int) rounds.stream().filter(ProjectOverview::ran).count(), problems, skipped);
    }
}
