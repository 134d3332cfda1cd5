package org.alor.loop;

import org.alor.data.AtomicFiles;
import org.alor.data.ClassInfo;
import org.alor.report.AccuracyChart;
import org.alor.report.PerClassChart;
import org.alor.store.MetricRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of an experiment:
 * <ul>
 *   <li>{@code results.csv}: one row per run × round — method, strategy, rda, seed, round, accuracy, macro_f1
 *       (test, percent), labeled, retrieved (training images), seconds (training + prediction wall time);</li>
 *   <li>{@code per_class.csv}: per run × round × class, the test accuracy of that class (percent), for tail plots;</li>
 *   <li>{@code summary.md}: mean ± std over seeds (population std, as numpy's default) per round, accuracy and
 *       macro-F1 in percent, one row per method × strategy × RDA — laid out like the paper's tables;</li>
 *   <li>PNG charts, drawn by {@link AccuracyChart} and {@link PerClassChart}.</li>
 * </ul>
 */
public final class ExperimentReport {
    private final ExperimentSpec plan;
    private final List<ClassInfo> classes;
    private final List<RunOutcome> outcomes;
    private final Path project;

    public ExperimentReport(ExperimentSpec plan, List<ClassInfo> classes, List<RunOutcome> outcomes, Path project) {
        this.plan = plan;
        this.classes = classes;
        this.outcomes = outcomes;
        this.project = project;
    }

    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        // atomic: a collect while tasks still run, or a reader of the tables, never sees half a file
        String results = resultsCsv();
        AtomicFiles.write(dir.resolve("results.csv"), w -> w.write(results));
        String perClass = perClassCsv();
        AtomicFiles.write(dir.resolve("per_class.csv"), w -> w.write(perClass));
        String summary = summaryMarkdown();
        AtomicFiles.write(dir.resolve("summary.md"), w -> w.write(summary));
        writeCharts(dir);
    }

    /**
     * {@code accuracy_<method>_rda<on|off>.png}: test accuracy vs round, one line per strategy (mean over seeds,
     * band = ± std); {@code per_class_<method>_<strategy>_rda<on|off>.png}: per-class test accuracy of round 0 and of
     * the last round.
     */
    private void writeCharts(Path dir) throws IOException {
        for (String method : plan.methods()) {
            for (boolean rda : plan.rda()) {
                List<AccuracyChart.Line> lines = new ArrayList<>();
                for (String strategy : plan.strategies()) lines.add(new AccuracyChart.Line(strategy, accuracyByRound(method, strategy, rda)));
                AccuracyChart.savePng("Test accuracy by round — " + method + ", RDA " + onOff(rda), lines,
                        dir.resolve("accuracy_" + method + "_rda" + onOff(rda) + ".png"));
            }
        }
        Map<String, List<RunOutcome>> groups = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) groups.computeIfAbsent(o.run().group(), k -> new ArrayList<>()).add(o);
        for (List<RunOutcome> group : groups.values()) {
            Map<Integer, Map<Integer, Double>> means = meanPerClass(group);
            if (!means.containsKey(0)) continue;
            int last = means.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            ExperimentSpec.Run r = group.get(0).run();
            PerClassChart.savePng("Per-class test accuracy — " + r.method() + ", " + r.strategy() + ", RDA " + onOff(r.rda()),
                    means.get(0), last, means.get(last),
                    dir.resolve("per_class_" + r.method() + "_" + r.strategy() + "_rda" + onOff(r.rda()) + ".png"));
        }
    }

    /** round → {mean, std} over seeds of the test accuracy (percent) of one method × strategy × RDA. */
    private java.util.SortedMap<Integer, double[]> accuracyByRound(String method, String strategy, boolean rda) {
        java.util.SortedMap<Integer, double[]> out = new TreeMap<>();
        for (int round = 0; round <= plan.rounds(); round++) {
            List<Double> values = new ArrayList<>();
            for (RunOutcome o : outcomes) {
                ExperimentSpec.Run r = o.run();
                if (!r.method().equals(method) || !r.strategy().equals(strategy) || r.rda() != rda) continue;
                if (round < o.rounds().size() && o.rounds().get(round).test() != null) {
                    values.add(100 * o.rounds().get(round).test().accuracy());
                }
            }
            if (!values.isEmpty()) out.put(round, Stats.meanStd(values));
        }
        return out;
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    String resultsCsv() {
        StringBuilder sb = new StringBuilder("method,strategy,rda,seed,round,accuracy,macro_f1,labeled,retrieved,seconds\n");
        for (RunOutcome o : outcomes) {
            for (RoundResult r : o.rounds()) {
                sb.append(String.join(",", o.run().method(), o.run().strategy(), o.run().rda() ? "on" : "off",
                        Long.toString(o.run().seed()), Integer.toString(r.round()), pct(r.test() == null ? Double.NaN : r.test().accuracy()),
                        pct(r.test() == null || r.test().macroF1() == null ? Double.NaN : r.test().macroF1()),
                        Integer.toString(r.labeled()), Integer.toString(r.retrieved()),
                        String.format(Locale.ROOT, "%.3f", r.trainingSeconds()))).append('\n');
            }
        }
        return sb.toString();
    }

    String perClassCsv() {
        StringBuilder sb = new StringBuilder("method,strategy,rda,seed,round,class_id,class_name,support,correct,accuracy\n");
        for (RunOutcome o : outcomes) {
            for (Map.Entry<Integer, List<MetricRow>> e : o.perClassTest().entrySet()) {
                for (MetricRow m : e.getValue()) {
                    sb.append(String.join(",", o.run().method(), o.run().strategy(), o.run().rda() ? "on" : "off",
                            Long.toString(o.run().seed()), Integer.toString(e.getKey()), Integer.toString(m.classId()),
                            csv(className(m.classId())), Integer.toString(m.support()), Integer.toString(m.correct()),
                            pct(m.accuracy()))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    String summaryMarkdown() {
        StringBuilder sb = new StringBuilder("# Experiment summary\n\n");
        sb.append("Project `").append(project.toAbsolutePath().normalize()).append("`: ").append(classes.size())
                .append(" classes; rounds 0..").append(plan.rounds()).append("; budget ")
                .append(plan.budget() > 0 ? Integer.toString(plan.budget()) : classes.size() + " (C)")
                .append(" per round; seeds ").append(plan.seeds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""))
                .append("; ").append(plan.epochs()).append(" epochs, batch ")
                .append(plan.batchSize() > 0 ? String.valueOf(plan.batchSize()) : "128 (PT 32)").append(".\n");
        sb.append("Test-set metrics in percent, mean ± std over seeds (population std). Oracle labels; round 0 = ")
                .append("retrieved (RDA on) + one random pool image per class.\n");
        appendTable(sb, "Accuracy (%)", true);
        appendTable(sb, "Macro-F1 (%)", false);
        return sb.toString();
    }

    private void appendTable(StringBuilder sb, String title, boolean accuracy) {
        sb.append("\n## ").append(title).append("\n\n| method | strategy | RDA |");
        for (int r = 0; r <= plan.rounds(); r++) sb.append(" Round ").append(r).append(" |");
        sb.append("\n|---|---|---|");
        for (int r = 0; r <= plan.rounds(); r++) sb.append("---:|");
        sb.append('\n');
        for (Map.Entry<String, List<RunOutcome>> g : groups().entrySet()) {
            ExperimentSpec.Run first = g.getValue().get(0).run();
            sb.append("| ").append(first.method()).append(" | ").append(first.strategy()).append(" | ")
                    .append(first.rda() ? "on" : "off").append(" |");
            for (int r = 0; r <= plan.rounds(); r++) {
                List<Double> values = new ArrayList<>();
                for (RunOutcome o : g.getValue()) {
                    if (r >= o.rounds().size()) continue;
                    MetricRow m = o.rounds().get(r).test();
                    if (m == null) continue;
                    values.add(100 * (accuracy ? m.accuracy() : m.macroF1()));
                }
                sb.append(' ').append(meanStd(values)).append(" |");
            }
            sb.append('\n');
        }
    }

    /** Outcomes grouped by method × strategy × RDA, in plan order. */
    Map<String, List<RunOutcome>> groups() {
        Map<String, List<RunOutcome>> out = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) out.computeIfAbsent(o.run().group(), k -> new ArrayList<>()).add(o);
        return out;
    }

    static String meanStd(List<Double> values) {
        if (values.isEmpty()) return "–";
        double[] ms = Stats.meanStd(values);
        return String.format(Locale.ROOT, "%.2f ± %.2f", ms[0], ms[1]);
    }

    private String className(int id) {
        return id < classes.size() ? classes.get(id).name() : Integer.toString(id);
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.4f", 100 * fraction);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    /** Mean over seeds of per-class test accuracy (percent) by round, for one group; classes without support absent. */
    static Map<Integer, Map<Integer, Double>> meanPerClass(List<RunOutcome> group) {
        Map<Integer, Map<Integer, List<Double>>> acc = new TreeMap<>();
        for (RunOutcome o : group) {
            for (Map.Entry<Integer, List<MetricRow>> e : o.perClassTest().entrySet()) {
                for (MetricRow m : e.getValue()) {
                    acc.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).computeIfAbsent(m.classId(), k -> new ArrayList<>())
                            .add(100 * m.accuracy());
                }
            }
        }
        Map<Integer, Map<Integer, Double>> out = new TreeMap<>();
        acc.forEach((round, byClass) -> {
            Map<Integer, Double> means = new TreeMap<>();
            byClass.forEach((c, v) -> means.put(c, Stats.meanStd(v)[0]));
            out.put(round, means);
        });
        return out;
    }
}
