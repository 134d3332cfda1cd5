package org.alor.loop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Per-round times measured on a project: the finished rounds of the run copies under experiment folders'
 * {@code runs/} (each round's summary records its wall time, epochs and device). Gives the GPU-hours estimate of a
 * grid: rounds × the mean measured time of their method, scaled by epochs for trained methods.
 */
public final class RoundTimes {
    private record Measure(String method, int epochs, double seconds, String device) {
    }

    private final List<Measure> measures;
    private final List<Path> sources;

    private RoundTimes(List<Measure> measures, List<Path> sources) {
        this.measures = measures;
        this.sources = sources;
    }

    /** Every finished round in {@code dirs}{@code /runs/* /project.alor} (folders that do not exist are skipped). */
    public static RoundTimes measuredIn(List<Path> dirs) throws IOException {
        List<Measure> out = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path dir : dirs) {
            Path runs = dir.resolve("runs");
            if (!Files.isDirectory(runs)) continue;
            int before = out.size();
            List<Path> runDirs;
            try (Stream<Path> s = Files.list(runs)) {
                runDirs = s.filter(p -> Files.isRegularFile(p.resolve(ProjectStore.DATABASE_FILE))).sorted().toList();
            }
            for (Path runDir : runDirs) {
                try (ProjectStore store = ProjectStore.openReadOnly(runDir)) {
                    for (RoundRecord r : store.roundTable().all()) {
                        if (r.status() == RoundStatus.DONE && r.summaryJson() != null) measure(r).ifPresent(out::add);
                    }
                } catch (RuntimeException unreadable) {
                    // a damaged or foreign copy measures nothing; collect reports the run itself
                }
            }
            if (out.size() > before) sources.add(runs);
        }
        return new RoundTimes(out, sources);
    }

    private static java.util.Optional<Measure> measure(RoundRecord r) {
        JsonObject s = JsonParser.parseString(r.summaryJson()).getAsJsonObject();
        if (!s.has("seconds") || !s.has("method")) return java.util.Optional.empty();
        double seconds = s.get("seconds").getAsDouble();
        if (!(seconds >= 0)) return java.util.Optional.empty();
        int epochs = s.has("epochs") ? s.get("epochs").getAsInt() : 0;
        String device = s.has("model") && s.get("model").isJsonObject() && s.getAsJsonObject("model").has("device")
                ? s.getAsJsonObject("model").get("device").getAsString() : null;
        return java.util.Optional.of(new Measure(s.get("method").getAsString(), epochs, seconds, device));
    }

    public boolean isEmpty() {
        return measures.isEmpty();
    }

    /** Estimated seconds of one round of {@code method} at {@code epochs}; NaN when the method was never measured. */
    public double secondsPerRound(String method, int epochs) {
        double sum = 0;
        int n = 0;
        for (Measure m : measures) {
            if (!m.method().equals(method)) continue;
            boolean trained = !method.equals(Method.ZS.key()) && m.epochs() > 0 && epochs > 0;
            sum += trained ? m.seconds() * epochs / m.epochs() : m.seconds();
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The estimate for {@code roundsByMethod} (rounds still to run per method at {@code epochs}), in words: total
     * hours, where the times come from, and which methods were never measured (or that nothing was).
     */
    public String estimate(Map<String, Integer> roundsByMethod, int epochs) {
        int total = roundsByMethod.values().stream().mapToInt(Integer::intValue).sum();
        if (measures.isEmpty()) {
            return "GPU-hours estimate: none yet — no round of this project has been measured (the estimate is"
                    + " computed from the finished rounds under the plan's runs/; plan again or --collect once tasks have"
                    + " finished rounds, or pass --timings-from an earlier experiment folder of this project). "
                    + total + " rounds to run.";
        }
        double seconds = 0;
        Map<String, String> perMethod = new LinkedHashMap<>();
        List<String> unmeasured = new ArrayList<>();
        int counted = 0;
        for (Map.Entry<String, Integer> e : roundsByMethod.entrySet()) {
            double s = secondsPerRound(e.getKey(), epochs);
            if (Double.isNaN(s)) {
                unmeasured.add(e.getKey() + " (" + e.getValue() + " rounds)");
                continue;
            }
            seconds += s * e.getValue();
            counted += e.getValue();
            long n = measures.stream().filter(m -> m.method().equals(e.getKey())).count();
            perMethod.put(e.getKey(), String.format(Locale.ROOT, "%s %.1f s/round (from %d measured round%s)", e.getKey(), s, n, n == 1 ? "" : "s"));
        }
        TreeSet<String> devices = new TreeSet<>();
        measures.forEach(m -> devices.add(m.device() == null ? "device not recorded" : m.device()));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "GPU-hours estimate: %.2f h (%.0f s) for %d of %d rounds",
                seconds / 3600, seconds, counted, total));
        if (!perMethod.isEmpty()) sb.append("; ").append(String.join(", ", perMethod.values()));
        sb.append(epochs > 0 ? " at " + epochs + " epochs" : "").append(". Per-round times measured on this project in ")
                .append(sources.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("?"))
                .append(" (").append(String.join(", ", devices)).append(")");
        if (!unmeasured.isEmpty()) sb.append("; not measured, so not counted: ").append(String.join(", ", unmeasured));
        return sb.append('.').toString();
    }

    /** Rounds 0..last of every run, counted per method in plan order. */
    public static Map<String, Integer> roundsOf(List<ExperimentSpec.Run> runs, int roundsEach) {
        Map<String, Integer> out = new TreeMap<>();
        for (ExperimentSpec.Run r : runs) out.merge(r.method(), roundsEach, Integer::sum);
        return out;
    }
}
