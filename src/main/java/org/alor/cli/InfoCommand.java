package org.alor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.data.ImportProblem;
import org.alor.data.Split;
import org.alor.store.ProjectOverview;
import org.alor.store.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** `alor info`: classes, counts per split and class, labels, rounds and problems of a project. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a project's classes, counts, labels, rounds and problems.")
public final class InfoCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        ProjectOverview o;
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            store.requireIntact();
            o = ProjectOverview.read(store, true);
        }
        spec.commandLine().getOut().println(json ? toJson(o) : toText(o));
        return 0;
    }

    static String toJson(ProjectOverview o) {
        JsonObject root = new JsonObject();
        root.addProperty("project", o.name());
        root.addProperty("dir", o.dir().toString());
        JsonObject counts = new JsonObject();
        for (Split s : Split.values()) counts.addProperty(s.key(), o.countsBySplit().getOrDefault(s, 0));
        root.add("counts", counts);
        root.addProperty("samples", o.countsBySplit().values().stream().mapToInt(Integer::intValue).sum());
        root.addProperty("labeled", o.labeled());
        root.addProperty("unsure", o.unsure());
        root.addProperty("rounds", o.rounds());
        JsonArray classes = new JsonArray();
        for (ProjectOverview.ClassRow c : o.classes()) {
            JsonObject jc = new JsonObject();
            jc.addProperty("id", c.id());
            jc.addProperty("name", c.name());
            jc.addProperty("most_common_name", c.mostCommonName());
            jc.addProperty("pool", c.pool());
            jc.addProperty("val", c.val());
            jc.addProperty("test", c.test());
            jc.addProperty("retrieved", c.retrieved());
            jc.addProperty("labeled", c.labeled());
            classes.add(jc);
        }
        root.add("classes", classes);
        JsonObject settings = new JsonObject();
        for (Map.Entry<String, String> e : o.settings().entrySet()) settings.addProperty(e.getKey(), e.getValue());
        root.add("settings", settings);
        JsonArray problems = new JsonArray();
        o.problems().forEach(problems::add);
        root.add("problems", problems);
        JsonArray skipped = new JsonArray();
        for (ImportProblem p : o.importProblems()) {
            JsonObject jp = new JsonObject();
            jp.addProperty("file", p.file());
            jp.addProperty("reason", p.reason());
            skipped.add(jp);
        }
        root.add("import_problems", skipped);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    static String toText(ProjectOverview o) {
        StringBuilder sb = new StringBuilder();
        sb.append("Project ").append(o.name()).append(" (").append(o.dir()).append(")\n");
        for (Map.Entry<String, String> e : o.settings().entrySet()) {
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        sb.append(String.format("%nSamples: pool %d, val %d, test %d, retrieved %d; labeled %d, unsure %d; rounds %d%n%n",
                o.countsBySplit().getOrDefault(Split.POOL, 0), o.countsBySplit().getOrDefault(Split.VAL, 0),
                o.countsBySplit().getOrDefault(Split.TEST, 0), o.countsBySplit().getOrDefault(Split.RETRIEVED, 0),
                o.labeled(), o.unsure(), o.rounds()));
        int nameWidth = Math.max(4, o.classes().stream().mapToInt(c -> c.name().length()).max().orElse(4));
        String row = "%4s  %-" + nameWidth + "s  %6s %6s %6s %9s %7s%n";
        sb.append(String.format(row, "id", "name", "pool", "val", "test", "retrieved", "labeled"));
        for (ProjectOverview.ClassRow c : o.classes()) {
            sb.append(String.format(row, c.id(), c.name(), c.pool(), c.val(), c.test(), c.retrieved(), c.labeled()));
        }
        if (!o.problems().isEmpty()) {
            sb.append("\nProblems:\n");
            o.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
            o.importProblems().forEach(p -> sb.append("    ").append(p).append('\n'));
        }
        return sb.toString().stripTrailing();
    }
}
