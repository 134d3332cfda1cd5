package org.alor.loop;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.alor.adapt.PromptTemplates;
import org.alor.data.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment laid out in a folder ({@code DIR/plan.json}): the source project, the experiment spec and the
 * launcher that runs its tasks. Task {@code i} is run {@code i} of {@link ExperimentSpec#runs()}, which works in
 * {@code DIR/runs/<name>/}, logs to {@code DIR/logs/task-<i>.log} under a scheduler, and is run by
 * {@code alor experiment --run-task DIR i}.
 *
 * @param project  the source project (absolute): its features, CLIP and images are what every task reads
 * @param launcher the {@code alor} launcher that wrote the plan (absolute), or {@code alor} from the PATH
 */
public record GridPlan(Path project, ExperimentSpec spec, String launcher) {
    public static final String FILE = "plan.json";
    public static final String RUN_FILE = "run.json";
    public static final String RUN_SCRIPT = "run.sh";
    static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public GridPlan {
        project = project.toAbsolutePath().normalize();
    }

    /** The launcher running this JVM ({@code target/alor} sets {@code alor.launcher}), else {@code alor} from the PATH. */
    public static String currentLauncher() {
        return System.getProperty("alor.launcher", "alor");
    }

    public List<ExperimentSpec.Run> runs() {
        return spec.runs();
    }

    /** Run {@code index}; fails naming the plan's range when there is no such task. */
    public ExperimentSpec.Run run(int index, Path dir) {
        List<ExperimentSpec.Run> runs = runs();
        if (index < 0 || index >= runs.size()) {
            throw new IllegalArgumentException("task " + index + " is not in " + dir.resolve(FILE) + " (tasks 0.."
                    + (runs.size() - 1) + ")");
        }
        return runs.get(index);
    }

    public static Path runDir(Path dir, ExperimentSpec.Run run) {
        return dir.resolve("runs").resolve(run.name());
    }

    /** Where a scheduler appends task {@code index}'s output (the batch script points Slurm's --output here). */
    public static Path logFile(Path dir, int index) {
        return dir.resolve("logs").resolve("task-" + index + ".log");
    }

    /** The exact command that runs task {@code index} of the plan in {@code dir}. */
    public List<String> taskCommand(Path dir, int index) {
        return List.of(launcher, "experiment", "--run-task", dir.toAbsolutePath().normalize().toString(), Integer.toString(index));
    }

    /** Writes {@code DIR/plan.json} (atomically). */
    public void write(Path dir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("project", project.toString());
        o.addProperty("launcher", launcher);
        o.add("spec", specJson(spec));
        JsonArray runs = new JsonArray();
        List<ExperimentSpec.Run> all = runs();
        for (int i = 0; i < all.size(); i++) runs.add(runJson(dir, i, all.get(i)));
        o.add("runs", runs);
        String text = GSON.toJson(o) + "\n";
        AtomicFiles.write(dir.resolve(FILE), w -> w.write(text));
    }

    /** {@code DIR/runs/<name>/run.json}: the run, its seed and the command that runs it. */
    JsonObject runJson(Path dir, int index, ExperimentSpec.Run r) {
        JsonObject o = new JsonObject();
        o.addProperty("task", index);
        o.addProperty("name", r.name());
        o.addProperty("method", r.method());
        o.addProperty("strategy", r.strategy());
        o.addProperty("rda", r.rda());
        o.addProperty("seed", r.seed());
        o.addProperty("rounds", "0.." + spec.rounds());
        o.addProperty("epochs", spec.epochs());
        JsonArray cmd = new JsonArray();
        taskCommand(dir, index).forEach(cmd::add);
        o.add("command", cmd);
        return o;
    }

    static String toJson(JsonElement e) {
        return GSON.toJson(e) + "\n";
    }

    /** Reads {@code DIR/plan.json}; a missing or damaged file is an error naming it. */
    public static GridPlan read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no plan here; make one with `alor experiment PROJECT_DIR … --plan "
                    + dir + "`");
        }
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            int format = o.get("format").getAsInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("format " + format + " is not the supported " + FORMAT);
            }
            return new GridPlan(Path.of(o.get("project").getAsString()), spec(o.getAsJsonObject("spec")),
                    o.get("launcher").getAsString());
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not a readable plan (" + e.getMessage() + ")", e);
        }
    }

    private static JsonObject specJson(ExperimentSpec s) {
        JsonObject o = new JsonObject();
        o.add("methods", strings(s.methods()));
        o.add("strategies", strings(s.strategies()));
        JsonArray rda = new JsonArray();
        s.rda().forEach(rda::add);
        o.add("rda", rda);
        JsonArray seeds = new JsonArray();
        s.seeds().forEach(seeds::add);
        o.add("seeds", seeds);
        o.addProperty("rounds", s.rounds());
        o.addProperty("budget", s.budget());
        o.addProperty("epochs", s.epochs());
        o.addProperty("batch", s.batchSize());
        o.addProperty("names", s.naming().name());
        o.addProperty("prompts", s.templates().name());
        o.addProperty("threads", s.threads());
        o.addProperty("lr_encoder", s.encoderLr());
        o.addProperty("lr_head", s.headLr());
        o.addProperty("precision", s.precision().name());
        o.add("only", strings(s.only().stream().map(ExperimentSpec.Combination::toString).toList()));
        return o;
    }

    private static ExperimentSpec spec(JsonObject o) {
        List<Boolean> rda = new ArrayList<>();
        o.getAsJsonArray("rda").forEach(e -> rda.add(e.getAsBoolean()));
        List<Long> seeds = new ArrayList<>();
        o.getAsJsonArray("seeds").forEach(e -> seeds.add(e.getAsLong()));
        List<ExperimentSpec.Combination> only = strings(o.getAsJsonArray("only")).stream().map(ExperimentSpec.Combination::parse).toList();
        ExperimentSpec spec = new ExperimentSpec(strings(o.getAsJsonArray("methods")), strings(o.getAsJsonArray("strategies")),
                rda, seeds, o.get("rounds").getAsInt(), o.get("budget").getAsInt(), o.get("epochs").getAsInt(),
                o.get("batch").getAsInt(), ClassNaming.valueOf(o.get("names").getAsString()),
                PromptTemplates.parse(o.get("prompts").getAsString()), o.get("threads").getAsInt(),
                o.get("lr_encoder").getAsDouble(), o.get("lr_head").getAsDouble(),
                Precision.valueOf(o.get("precision").getAsString()), only);
        spec.runs().forEach(spec::config);
        return spec;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
