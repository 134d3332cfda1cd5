package org.alor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.loop.RoundResult;
import org.alor.loop.RoundSummary;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `alor status`: the rounds of a project with their metrics. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a project's active-learning rounds and their metrics.")
public final class StatusCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--json", description = "Print JSON instead of a table (metrics as fractions in [0,1]).")
    boolean json;

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            store.requireIntact();
            List<RoundResult> results = new ArrayList<>();
            for (RoundRecord r : store.roundTable().all()) results.add(RoundSummary.result(store, r));
            int labeled = (int) store.labelLog().current().values().stream().filter(s -> s.isLabeled()).count();
            spec.commandLine().getOut().println(json ? toJson(results, labeled) : toText(results, labeled));
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("alor status: " + e.getMessage());
            return 1;
        }
    }

    static String toText(List<RoundResult> results, int labeled) {
        if (results.isEmpty()) return "No rounds yet (" + labeled + " labeled images). Run `alor round PROJECT_DIR` to start.";
        StringBuilder sb = new StringBuilder();
        String row = "%5s  %-9s %-9s %6s %6s  %-9s %9s %9s %9s %7s %9s%n";
        sb.append(String.format(Locale.ROOT, row, "round", "method", "strategy", "seed", "picked", "status", "val acc",
                "test acc", "test F1", "labeled", "retrieved"));
        for (RoundResult r : results) {
            sb.append(String.format(Locale.ROOT, row, r.round(), r.method(), r.strategy(), r.seed(), r.selections().isEmpty()
                            ? "-" : Integer.toString(r.selections().size()), r.status().name().toLowerCase(Locale.ROOT),
                    acc(r.val()), acc(r.test()), r.test() == null ? "–" : LoopOptions.pct(r.test().macroF1()),
                    r.labeled(), r.retrieved()));
        }
        sb.append(labeled).append(" labeled images in the project");
        return sb.toString();
    }

    private static String acc(MetricRow m) {
        return m == null ? "–" : LoopOptions.pct(m.accuracy());
    }

    static String toJson(List<RoundResult> results, int labeled) {
        JsonObject root = new JsonObject();
        root.addProperty("labeled", labeled);
        JsonArray rounds = new JsonArray();
        for (RoundResult r : results) {
            JsonObject o = new JsonObject();
            o.addProperty("round", r.round());
            o.addProperty("method", r.method());
            o.addProperty("strategy", r.strategy());
            o.addProperty("seed", r.seed());
            o.addProperty("status", r.status().name().toLowerCase(Locale.ROOT));
            o.addProperty("selected", r.selections().size());
            o.addProperty("labeled", r.labeled());
            o.addProperty("retrieved", r.retrieved());
            if (r.val() != null) o.add("val", metric(r.val()));
            if (r.test() != null) o.add("test", metric(r.test()));
            rounds.add(o);
        }
        root.add("rounds", rounds);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject metric(MetricRow m) {
        JsonObject o = new JsonObject();
        o.addProperty("accuracy", m.accuracy());
        if (m.macroF1() != null) o.addProperty("macro_f1", m.macroF1());
        o.addProperty("support", m.support());
        o.addProperty("correct", m.correct());
        return o;
    }
}
