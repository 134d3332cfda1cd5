package org.alor.app.charts;

import org.alor.app.common.ChoiceNames;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the charts draw, read from the store: overall test metrics per round of each run, per-class test
 * accuracy per round, and labeled / retrieved counts per class.
 *
 * @param runs        one entry per run (a project holds one run; experiment runners may add more)
 * @param zeroShot    test accuracy of a zero-shot ("ZS") round, if the project has one
 * @param classes     classes in heat-map order: ascending accuracy in the first evaluated round
 * @param perClass    class id → round → accuracy (test split)
 * @param tailClasses the third of {@code classes} with the lowest first-round accuracy (outlined)
 * @param labeledByRound class id → round → labeled images up to and including that round (current labels)
 */
public record ChartData(List<Run> runs, Double zeroShot, List<ClassInfo> classes, List<Integer> rounds,
                        Map<Integer, SortedMap<Integer, Double>> perClass, List<Integer> tailClasses,
                        Map<Integer, Integer> labeled, Map<Integer, Integer> retrieved,
                        Map<Integer, SortedMap<Integer, Integer>> labeledByRound) {

    /**
     * One run's overall test metrics: round → row; {@code roundNames}: round → its own method and strategy
     * ("LP + TFS"), as the store recorded them.
     */
    public record Run(String name, SortedMap<Integer, MetricRow> overall, Map<Integer, RoundName> roundNames) {
        /** The round's "LP + TFS", or "" when not recorded. */
        public String roundName(int round) {
            RoundName n = roundNames.get(round);
            return n == null ? "" : n.toString();
        }

        /** "round 0 LP + TFS, rounds 1–3 CT + TFS": consecutive rounds of the same method and strategy as one range. */
        public String describeRounds() {
            StringBuilder sb = new StringBuilder();
            List<Integer> rounds = new ArrayList<>(overall.keySet());
            for (int i = 0; i < rounds.size(); ) {
                int j = i;
                String name = roundName(rounds.get(i));
                while (j + 1 < rounds.size() && roundName(rounds.get(j + 1)).equals(name)) j++;
                if (sb.length() > 0) sb.append(", ");
                sb.append(i == j ? "round " + rounds.get(i) : "rounds " + rounds.get(i) + "–" + rounds.get(j));
                if (!name.isEmpty()) sb.append(' ').append(name);
                i = j + 1;
            }
            return sb.toString();
        }
    }

    public static ChartData load(ProjectStore store) {
        List<RoundRecord> rounds = store.roundTable().all();
        SortedMap<Integer, MetricRow> overall = store.roundTable().overallMetrics(Split.TEST);
        Double zeroShot = null;
        SortedMap<Integer, MetricRow> adapted = new TreeMap<>();
        Map<Integer, RoundRecord> byIndex = new LinkedHashMap<>();
        for (RoundRecord r : rounds) byIndex.put(r.index(), r);
        for (Map.Entry<Integer, MetricRow> e : overall.entrySet()) {
            RoundRecord r = byIndex.get(e.getKey());
            if (r != null && isZeroShot(r.method())) zeroShot = e.getValue().accuracy();
            else adapted.put(e.getKey(), e.getValue());
        }
        Map<Integer, RoundName> roundNames = new TreeMap<>();
        for (RoundRecord r : rounds) roundNames.put(r.index(), roundName(r));
        List<Run> runs = adapted.isEmpty() ? List.of() : List.of(new Run("this project", adapted, roundNames));

        Map<Integer, SortedMap<Integer, Double>> perClass = new LinkedHashMap<>();
        List<Integer> roundList = new ArrayList<>();
        for (RoundRecord r : rounds) {
            boolean any = false;
            for (MetricRow m : store.roundTable().metrics(r.index())) {
                if (m.split() != Split.TEST || m.classId() == null) continue;
                perClass.computeIfAbsent(m.classId(), k -> new TreeMap<>()).put(r.index(), m.accuracy());
                any = true;
            }
            if (any) roundList.add(r.index());
        }
        List<ClassInfo> classes = new ArrayList<>(store.classTable().all());
        Integer first = roundList.isEmpty() ? null : roundList.get(0);
        classes.sort(Comparator.comparingDouble((ClassInfo c) -> first == null ? 0
                : perClass.getOrDefault(c.id(), new TreeMap<>()).getOrDefault(first, 0.0)).thenComparingInt(ClassInfo::id));
        List<Integer> tail = new ArrayList<>();
        if (first != null) {
            int n = (int) Math.ceil(classes.size() / 3.0);
            for (int i = 0; i < n; i++) tail.add(classes.get(i).id());
        }
        Map<Integer, SortedMap<Integer, Integer>> labeledByRound = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Integer>> perRound = new LinkedHashMap<>();
        for (org.alor.store.LabelState s : store.labelLog().current().values()) {
            if (!s.isLabeled()) continue;
            int r = s.round() == null ? -1 : s.round();
            perRound.computeIfAbsent(s.classId(), k -> new TreeMap<>()).merge(r, 1, Integer::sum);
        }
        for (ClassInfo c : classes) {
            SortedMap<Integer, Integer> cumulative = new TreeMap<>();
            Map<Integer, Integer> counts = perRound.getOrDefault(c.id(), Map.of());
            for (RoundRecord r : rounds) {
                int n = 0;
                for (Map.Entry<Integer, Integer> e : counts.entrySet()) if (e.getKey() <= r.index()) n += e.getValue();
                cumulative.put(r.index(), n);
            }
            labeledByRound.put(c.id(), cumulative);
        }
        return new ChartData(runs, zeroShot, classes, roundList, perClass, tail,
                new TreeMap<>(store.labelLog().countsByClass()), new TreeMap<>(store.sampleTable().trueLabelCounts(Split.RETRIEVED)), labeledByRound);
    }

    /** A round's own method and strategy as the store recorded them, in their short names ("LP", "TFS"). */
    public record RoundName(String method, String strategy) {
        @Override
        public String toString() {
            return method + " + " + strategy;
        }
    }

    static RoundName roundName(RoundRecord r) {
        return new RoundName(ChoiceNames.methodShort(r.method()), ChoiceNames.strategyShort(r.strategy()));
    }

    /**
     * The data as it stood when round {@code round} had finished: later rounds left out; the class order and the tail
     * third (both fixed by the first round) unchanged. For replaying a recorded run round by round.
     */
    public ChartData upTo(int round) {
        List<Run> shownRuns = new ArrayList<>();
        for (Run r : runs) shownRuns.add(new Run(r.name(), new TreeMap<>(r.overall().headMap(round + 1)), r.roundNames()));
        Map<Integer, SortedMap<Integer, Double>> shownPerClass = new LinkedHashMap<>();
        perClass.forEach((c, byRound) -> shownPerClass.put(c, new TreeMap<>(byRound.headMap(round + 1))));
        Map<Integer, SortedMap<Integer, Integer>> shownLabeled = new LinkedHashMap<>();
        labeledByRound.forEach((c, byRound) -> shownLabeled.put(c, new TreeMap<>(byRound.headMap(round + 1))));
        return new ChartData(shownRuns, zeroShot, classes, rounds.stream().filter(r -> r <= round).toList(), shownPerClass,
                tailClasses, labeled, retrieved, shownLabeled);
    }

    public boolean isEmpty() {
        return runs.isEmpty() && zeroShot == null && rounds.isEmpty();
    }

    /** Zero-shot rounds: the engine calls the method "zeroshot" (the Runs form shows "ZS"). */
    static boolean isZeroShot(String method) {
        return "zeroshot".equalsIgnoreCase(method) || "zs".equalsIgnoreCase(method);
    }
}
