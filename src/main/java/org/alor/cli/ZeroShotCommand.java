package org.alor.cli;

import ai.djl.Device;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.adapt.ClassificationMetrics;
import org.alor.adapt.PromptTemplates;
import org.alor.adapt.TextHead;
import org.alor.clip.ClipEncoder;
import org.alor.clip.Devices;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.job.Phase;
import org.alor.loop.ProjectCheckpoint;
import org.alor.loop.ProjectEmbedder;
import org.alor.loop.ZeroShotSpec;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoreException;
import org.alor.store.StoredSample;
import org.alor.synth.Spearman;
import org.alor.synth.WorldFrequencies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code alor zero-shot}: accuracy of the text-initialised head (docs/method.md §5, scale 100) on a project's test split. */
@Command(name = "zero-shot", mixinStandardHelpOptions = true,
        description = {"Evaluate zero-shot CLIP (prompt-initialised head, scale 100) on the project's TEST split:",
                "accuracy, macro-F1 and per-class accuracy. Missing image embeddings are computed and cached first.",
                "For a synthetic world (world.json in the dataset folder) also Spearman's rho between per-class",
                "accuracy and the class's number of corpus pairs."})
public final class ZeroShotCommand implements Callable<Integer> {
    /** Zero-shot logit scale (docs/method.md §5); the ranking, and so accuracy, does not depend on it. */
    public static final float SCALE = 100f;

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

    /** Per-class outcome. */
    record ClassRow(int id, String name, String promptName, int support, double accuracy, Integer corpusPairs,
                    String mostConfusedWith, int confusedCount) {
    }

    /** Everything the command reports. */
    record Result(String checkpoint, String checkpointHash, String promptSet, String nameKind, int examples,
                  int unreadable, double accuracy, double macroF1, List<ClassRow> classes, Double spearmanRho) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (encoding.problem() != null) return usage(err, encoding.problem());
        ZeroShotSpec zeroShot;
        try {
            zeroShot = ZeroShotSpec.builder().optNaming(names).optPrompts(prompts).optEmbed(encoding.spec()).build();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (!Files.isRegularFile(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            return usage(err, projectDir + " is not an ALOR project (no " + ProjectStore.DATABASE_FILE + ")");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = CancelOnInterrupt.install(cancelled, finished);
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            PromptTemplates templates = zeroShot.templatesOr(store.settings().getString(Settings.PROMPT_SET, "generic"));
            Result r = evaluate(store, zeroShot, templates, Devices.select(encoding.device), cancelled);
            out.print(json ? toJson(r) : toText(r));
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (CancellationException e) {
            err.println("alor zero-shot: interrupted (embeddings computed so far are cached)");
            return 1;
        } catch (IOException | IllegalStateException | StoreException e) {
            err.println("alor zero-shot: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
            CancelOnInterrupt.remove(hook, finished);
        }
    }

    Result evaluate(ProjectStore store, ZeroShotSpec zeroShot, PromptTemplates templates, Device dev, AtomicBoolean cancelled) throws IOException {
        List<ClassInfo> classes = store.classTable().all();
        if (classes.isEmpty()) throw new IllegalStateException("the project has no classes");
        List<StoredSample> test = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.TEST)) if (s.trueLabel() != null) test.add(s);
        if (test.isEmpty()) throw new IllegalStateException("the project has no labelled TEST samples");
        try (ProjectCheckpoint checkpoint = ProjectCheckpoint.open(store, dev)) {
            ProjectEmbedder embedder = new ProjectEmbedder(store, checkpoint, zeroShot.embed());
            ConsoleProgress bar = new ConsoleProgress("embedding test images", spec.commandLine().getErr());
            float[][] features = embedder.features(test, bar.following(Phase.EMBEDDING), org.alor.job.CancellationToken.following(cancelled::get));

            List<String> promptNames = classes.stream()
                    .map(zeroShot.naming()::of).toList();
            ClipEncoder encoder = new ClipEncoder(checkpoint.model(), zeroShot.embed().batchSize());
            int context = checkpoint.config().contextLength();
            TextHead head = TextHead.fromClassNames(promptNames, templates,
                    texts -> encoder.encodeTexts(checkpoint.tokenizer().tokenize(texts, context)));

            List<float[]> kept = new ArrayList<>();
            List<Integer> truth = new ArrayList<>();
            int unreadable = 0;
            for (int i = 0; i < test.size(); i++) {
                if (features[i] == null) {
                    unreadable++;
                    continue;
                }
                kept.add(features[i]);
                truth.add(classIndex(classes, test.get(i).trueLabel()));
            }
            int[] predicted = ClassificationMetrics.argmax(head.logits(kept.toArray(new float[0][]), SCALE));
            int[] truthArray = truth.stream().mapToInt(Integer::intValue).toArray();
            ClassificationMetrics m = ClassificationMetrics.of(truthArray, predicted, classes.size());

            Map<String, Integer> frequencies = worldFrequencies(store).orElse(null);
            List<ClassRow> rows = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                ClassInfo info = classes.get(c);
                int worst = -1;
                for (int p = 0; p < classes.size(); p++) {
                    if (p != c && m.confusion()[c][p] > 0 && (worst < 0 || m.confusion()[c][p] > m.confusion()[c][worst])) worst = p;
                }
                rows.add(new ClassRow(info.id(), info.name(), promptNames.get(c), m.support()[c], m.perClass()[c],
                        frequencies == null ? null : frequencies.get(info.name()),
                        worst < 0 ? null : classes.get(worst).name(), worst < 0 ? 0 : m.confusion()[c][worst]));
            }
            return new Result(checkpoint.loaded().source().toString(), checkpoint.hash(), templates.name().toLowerCase(Locale.ROOT),
                    zeroShot.naming().name().toLowerCase(Locale.ROOT), truthArray.length, unreadable, m.accuracy(), m.macroF1(), rows,
                    frequencies == null ? null : spearman(rows));
        }
    }

    private static int classIndex(List<ClassInfo> classes, int classId) {
        for (int c = 0; c < classes.size(); c++) if (classes.get(c).id() == classId) return c;
        throw new IllegalStateException("a test sample has class id " + classId + ", which is not a class of the project");
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
    static Double spearman(List<ClassRow> rows) {
        List<double[]> pairs = new ArrayList<>();
        for (ClassRow r : rows) {
            if (r.support() > 0 && r.corpusPairs() != null) pairs.add(new double[] {r.accuracy(), r.corpusPairs()});
        }
        double[] acc = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] freq = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double rho = Spearman.rho(acc, freq);
        return Double.isNaN(rho) ? null : rho;
    }

    static String toText(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "zero-shot on TEST (%d images%s), prompts %s, names %s, checkpoint %s%n",
                r.examples(), r.unreadable() > 0 ? ", " + r.unreadable() + " unreadable skipped" : "", r.promptSet(),
                r.nameKind(), r.checkpoint()));
        b.append(String.format(Locale.ROOT, "accuracy %.2f%%   macro-F1 %.2f%%%n", 100 * r.accuracy(), 100 * r.macroF1()));
        if (r.spearmanRho() != null) {
            b.append(String.format(Locale.ROOT, "Spearman rho (per-class accuracy vs corpus pairs, %d classes): %.3f%n",
                    r.classes().stream().filter(c -> c.support() > 0 && c.corpusPairs() != null).count(), r.spearmanRho()));
        }
        int width = Math.max(5, r.classes().stream().mapToInt(c -> c.name().length()).max().orElse(5));
        boolean corpus = r.classes().stream().anyMatch(c -> c.corpusPairs() != null);
        b.append(String.format(Locale.ROOT, "%4s  %-" + width + "s  %7s  %8s%s  %s%n", "id", "class", "support", "accuracy",
                corpus ? "  corpus pairs" : "", "most confused with"));
        for (ClassRow c : r.classes()) {
            b.append(String.format(Locale.ROOT, "%4d  %-" + width + "s  %7d  %8s%s  %s%n", c.id(), c.name(), c.support(),
                    c.support() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * c.accuracy()),
                    corpus ? String.format(Locale.ROOT, "  %12s", c.corpusPairs() == null ? "-" : c.corpusPairs()) : "",
                    c.mostConfusedWith() == null ? "" : c.mostConfusedWith() + " (" + c.confusedCount() + ")"));
        }
        return b.toString();
    }

    static String toJson(Result r) {
        JsonObject root = new JsonObject();
        root.addProperty("split", "test");
        root.addProperty("checkpoint", r.checkpoint());
        root.addProperty("checkpoint_hash", r.checkpointHash());
        root.addProperty("prompts", r.promptSet());
        root.addProperty("names", r.nameKind());
        root.addProperty("scale", SCALE);
        root.addProperty("examples", r.examples());
        root.addProperty("unreadable", r.unreadable());
        root.addProperty("accuracy", r.accuracy());
        root.addProperty("macro_f1", r.macroF1());
        if (r.spearmanRho() != null) root.addProperty("spearman_rho_accuracy_vs_corpus_pairs", r.spearmanRho());
        JsonArray classes = new JsonArray();
        for (ClassRow c : r.classes()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("name", c.name());
            o.addProperty("prompt_name", c.promptName());
            o.addProperty("support", c.support());
            if (c.support() > 0) o.addProperty("accuracy", c.accuracy());
            if (c.corpusPairs() != null) o.addProperty("corpus_pairs", c.corpusPairs());
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
