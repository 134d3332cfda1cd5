package org.alor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.job.Phase;
import org.alor.loop.Project;
import org.alor.loop.ZeroShotEvaluation;
import org.alor.loop.ZeroShotSpec;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoreException;
import org.alor.synth.Spearman;
import org.alor.synth.WorldFrequencies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/** {@code alor zero-shot}: accuracy of the text-initialised head (docs/method.md §5, scale 100) on a project's test split. */
@Command(name = "zero-shot", mixinStandardHelpOptions = true,
        description = {"Evaluate zero-shot CLIP (prompt-initialised head, scale 100) on the project's TEST split:",
                "accuracy, macro-F1 and per-class accuracy. Missing image embeddings are computed and cached first.",
                "For a synthetic world (world.json in the dataset folder) also Spearman's rho between per-class",
                "accuracy and the class's number of corpus pairs."})
public final class ZeroShotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--names", defaultValue = "name", description = "Class names in prompts: name or most_common_name (default: ${DEFAULT-VALUE}).")
    String names;

    @Option(names = "--prompts", description = "Prompt set: birds, aircraft, food, pets, cars, generic (default: the project's prompt_set setting, else generic).")
    String prompts;

    @Mixin
    EncodingOptions encoding;

    @Mixin
    SessionOptions sessionOptions = new SessionOptions();

    /** The evaluation with, for a synthetic world, each class's number of corpus pairs and their rank correlation. */
    record Result(ZeroShotEvaluation.Report report, Map<String, Integer> corpusPairs, Double spearmanRho) {
        Integer corpusPairs(ZeroShotEvaluation.ClassOutcome c) {
            return corpusPairs == null ? null : corpusPairs.get(c.name());
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String problem = encoding.problem(projectDir);
        if (problem != null) return usage(err, problem);
        ZeroShotSpec zeroShot;
        try {
            zeroShot = ZeroShotSpec.builder().optNaming(names).optPrompts(prompts).optEmbed(encoding.spec()).build();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install();
             Project session = sessionOptions.open(projectDir)) {
            ConsoleProgress bar = new ConsoleProgress("embedding test images", err);
            ZeroShotEvaluation.Report report = session.zeroShot(zeroShot, bar.following(Phase.EMBEDDING), ctrlC.token());
            Map<String, Integer> pairs = worldFrequencies(session.store()).orElse(null);
            Result r = new Result(report, pairs, pairs == null ? null : spearman(report, pairs));
            out.print(json ? toJson(r) : toText(r));
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (CancellationException e) {
            err.println("alor zero-shot: interrupted (embeddings computed so far are cached)");
            return 1;
        } catch (IOException | UncheckedIOException | IllegalStateException | StoreException e) {
            err.println("alor zero-shot: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** world.json next to the dataset, when the project was imported from a synthetic world. */
    private static Optional<Map<String, Integer>> worldFrequencies(ProjectStore store) throws IOException {
        Optional<Path> root = store.settings().getPath(Settings.DATASET_ROOT);
        if (root.isEmpty()) return Optional.empty();
        Path world = root.get().resolve(WorldFrequencies.FILE);
        if (!Files.isRegularFile(world)) return Optional.empty();
        return Optional.of(WorldFrequencies.read(world));
    }

    /** ρ over the classes that have test samples and a known corpus count. */
    static Double spearman(ZeroShotEvaluation.Report report, Map<String, Integer> corpusPairs) {
        List<double[]> pairs = new ArrayList<>();
        for (ZeroShotEvaluation.ClassOutcome c : report.classes()) {
            Integer n = corpusPairs.get(c.name());
            if (c.support() > 0 && n != null) pairs.add(new double[] {c.accuracy(), n});
        }
        double[] acc = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] freq = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double rho = Spearman.rho(acc, freq);
        return Double.isNaN(rho) ? null : rho;
    }

    static String toText(Result result) {
        ZeroShotEvaluation.Report r = result.report();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "zero-shot on TEST (%d images%s), prompts %s, names %s, checkpoint %s%n",
                r.examples(), r.unreadable() > 0 ? ", " + r.unreadable() + " unreadable skipped" : "", r.promptSet(),
                r.naming(), r.checkpoint()));
        b.append(String.format(Locale.ROOT, "accuracy %.2f%%   macro-F1 %.2f%%%n", 100 * r.accuracy(), 100 * r.macroF1()));
        if (result.spearmanRho() != null) {
            b.append(String.format(Locale.ROOT, "Spearman rho (per-class accuracy vs corpus pairs, %d classes): %.3f%n",
                    r.classes().stream().filter(c -> c.support() > 0 && result.corpusPairs(c) != null).count(),
                    result.spearmanRho()));
        }
        int width = Math.max(5, r.classes().stream().mapToInt(c -> c.name().length()).max().orElse(5));
        boolean corpus = r.classes().stream().anyMatch(c -> result.corpusPairs(c) != null);
        b.append(String.format(Locale.ROOT, "%4s  %-" + width + "s  %7s  %8s%s  %s%n", "id", "class", "support", "accuracy",
                corpus ? "  corpus pairs" : "", "most confused with"));
        for (ZeroShotEvaluation.ClassOutcome c : r.classes()) {
            Integer pairs = result.corpusPairs(c);
            b.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %7d  %8s%s  %s%n", c.id(), c.name(), c.support(),
                    c.support() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * c.accuracy()),
                    corpus ? String.format(Locale.ROOT, "  %12s", pairs == null ? "-" : pairs) : "",
                    c.mostConfusedWith() == null ? "" : c.mostConfusedWith() + " (" + c.confusedCount() + ")"));
        }
        return b.toString();
    }

    static String toJson(Result result) {
        ZeroShotEvaluation.Report r = result.report();
        JsonObject root = new JsonObject();
        root.addProperty("split", "test");
        root.addProperty("checkpoint", r.checkpoint());
        root.addProperty("checkpoint_hash", r.checkpointHash());
        root.addProperty("prompts", r.promptSet());
        root.addProperty("names", r.naming());
        root.addProperty("scale", ZeroShotEvaluation.SCALE);
        root.addProperty("examples", r.examples());
        root.addProperty("unreadable", r.unreadable());
        root.addProperty("accuracy", r.accuracy());
        root.addProperty("macro_f1", r.macroF1());
        if (result.spearmanRho() != null) root.addProperty("spearman_rho_accuracy_vs_corpus_pairs", result.spearmanRho());
        JsonArray classes = new JsonArray();
        for (ZeroShotEvaluation.ClassOutcome c : r.classes()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("name", c.name());
            o.addProperty("prompt_name", c.promptName());
            o.addProperty("support", c.support());
            if (c.support() > 0) o.addProperty("accuracy", c.accuracy());
            Integer pairs = result.corpusPairs(c);
            if (pairs != null) o.addProperty("corpus_pairs", pairs);
            if (c.mostConfusedWith() != null) {
                o.addProperty("most_confused_with", c.mostConfusedWith());
                o.addProperty("most_confused_count", c.confusedCount());
            }
            classes.add(o);
        }
        root.add("per_class", classes);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static int usage(PrintWriter err, String message) {
        err.println("alor zero-shot: " + message);
        err.flush();
        return 2;
    }
}
