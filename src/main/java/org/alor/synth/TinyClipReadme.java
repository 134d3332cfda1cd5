package org.alor.synth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The README section about the bundled tiny CLIP ({@code clip/}), rendered from its
 * {@code training_log.json} and, when present, the acceptance result {@code zero_shot.json} (the output of
 * {@code alor zero-shot --json} on the sample), so regenerating the README reproduces it.
 */
public final class TinyClipReadme {
    public static final String CLIP_DIR = "clip";
    public static final String ZERO_SHOT_FILE = "zero_shot.json";

    private TinyClipReadme() {
    }

    /** Rewrites {@code datasetDir/README.md} from {@code world.json} (+ the clip section when there is one). */
    public static void rewrite(Path datasetDir) throws IOException {
        SynthWorld world = SynthWorld.create(WorldJson.readConfig(datasetDir.resolve("world.json")));
        JsonObject hashes = WorldJson.parse(datasetDir.resolve("world.json")).getAsJsonObject("corpus").getAsJsonObject("sha256");
        String text = WorldReadme.text(world, hashes.keySet()) + section(datasetDir);
        Files.writeString(datasetDir.resolve("README.md"), text, StandardCharsets.UTF_8);
    }

    /** The section text, or "" when {@code datasetDir/clip/training_log.json} does not exist. */
    public static String section(Path datasetDir) throws IOException {
        Path clip = datasetDir.resolve(CLIP_DIR);
        Path logFile = clip.resolve(PretrainLog.JSON_FILE);
        if (!Files.isRegularFile(logFile)) return "";
        JsonObject log = parse(logFile);
        JsonObject model = log.getAsJsonObject("model").getAsJsonObject("model_cfg");
        JsonObject vision = model.getAsJsonObject("vision_cfg");
        JsonObject text = model.getAsJsonObject("text_cfg");
        JsonObject training = log.getAsJsonObject("training");
        StringBuilder b = new StringBuilder();
        b.append("\n## Tiny CLIP (`clip/`)\n\n");
        b.append("A CLIP pretrained from scratch on this corpus only (all ").append(log.get("pairs").getAsInt())
                .append(" pairs, non-bird ones included), on the CPU with\n`alor pretrain`, so that ALOR runs end to end offline. "
                        + "OpenCLIP layout (`open_clip_config.json` +\n`open_clip_model.safetensors`, F16); "
                        + "`alor init ... --checkpoint sample-data/synthetic-aves/clip` loads it like a downloaded\ncheckpoint. "
                        + "It knows only what the corpus shows: frequent species well, rare ones barely.\n\n");
        b.append(String.format(Locale.ROOT, "- Architecture: ViT %d px, patch %d, width %d × %d layers (head width %d); "
                        + "text transformer width %d × %d layers,\n  %d heads, context %d, CLIP BPE vocabulary %d; "
                        + "embedding %d; %,d parameters.%n",
                vision.get("image_size").getAsInt(), vision.get("patch_size").getAsInt(), vision.get("width").getAsInt(),
                vision.get("layers").getAsInt(), vision.get("head_width").getAsInt(), text.get("width").getAsInt(),
                text.get("layers").getAsInt(), text.get("heads").getAsInt(), text.get("context_length").getAsInt(),
                text.get("vocab_size").getAsInt(), model.get("embed_dim").getAsInt(), log.get("parameters").getAsLong()));
        b.append(String.format(Locale.ROOT, "- Training: symmetric InfoNCE with a learnable temperature (init 1/0.07, "
                        + "logit scale clamped to ≤ 100), AdamW\n  lr %s, %d warm-up steps then cosine to 0, "
                        + "weight decay %s on weight matrices only (not biases, LayerNorms,\n  embeddings, logit scale), "
                        + "batch %d, %d epochs, RandomResizedCrop (scale %s) + flip, seed %d, CPU.%n",
                num(training, "learning_rate"), training.get("warmup_iterations").getAsInt(), num(training, "weight_decay"),
                training.get("batch_size").getAsInt(), training.get("epochs").getAsInt(),
                training.get("augmentation").getAsString().replaceAll("RandomResizedCrop scale ([0-9.]+)-1.*", "$1–1"),
                log.get("seed").getAsLong()));
        b.append("\nReproduce (same seed; numbers vary slightly with the machine's thread count and libtorch build):\n\n");
        b.append("    alor synth --ensure-corpus sample-data/synthetic-aves\n");
        b.append("    ").append(log.get("command").getAsString()).append("\n\n");
        b.append(String.format(Locale.ROOT, "Training log (first batch loss %.3f, chance level ln %d = %.3f; final logit scale %.2f; "
                        + "total %.1f min on 2 shared CPU cores):%n%n",
                log.get("first_step_loss").getAsDouble(), training.get("batch_size").getAsInt(),
                Math.log(training.get("batch_size").getAsInt()), log.get("final_logit_scale").getAsDouble(),
                log.get("total_seconds").getAsDouble() / 60));
        double fastest = Double.MAX_VALUE;
        for (JsonElement e : log.getAsJsonArray("epochs")) fastest = Math.min(fastest, e.getAsJsonObject().get("seconds").getAsDouble());
        b.append(String.format(Locale.ROOT, "Epoch times include waiting for CPU time shared with other jobs; the fastest epoch, %.0f s\n"
                + "(≈ %.0f pairs/s), is the speed of an otherwise idle 2-core machine.%n%n", fastest, log.get("pairs").getAsInt() / fastest));
        b.append("| epoch | mean loss | seconds |\n|---:|---:|---:|\n");
        for (JsonElement e : log.getAsJsonArray("epochs")) {
            JsonObject o = e.getAsJsonObject();
            b.append(String.format(Locale.ROOT, "| %d | %.4f | %.0f |%n", o.get("epoch").getAsInt(),
                    o.get("loss").getAsDouble(), o.get("seconds").getAsDouble()));
        }
        Path zeroShot = clip.resolve(ZERO_SHOT_FILE);
        if (Files.isRegularFile(zeroShot)) {
            JsonObject z = parse(zeroShot);
            b.append("\nZero-shot check (`clip/").append(ZERO_SHOT_FILE).append("` is the `--json` output):\n\n");
            b.append("    alor init /tmp/sp --images sample-data/synthetic-aves --format splits --checkpoint sample-data/synthetic-aves/clip --prompts birds\n");
            b.append("    alor zero-shot /tmp/sp --json\n\n");
            b.append(String.format(Locale.ROOT, "- %d test images, prompt set `%s` (\"a photo of a {}, a type of bird.\") with the class %s, scale 100.%n",
                    z.get("examples").getAsInt(), z.get("prompts").getAsString(),
                    z.get("names").getAsString().equals("name") ? "name (the scientific name)" : "`most_common_name`"));
            b.append(String.format(Locale.ROOT, "- Accuracy %.1f%% (chance %.1f%%), macro-F1 %.1f%%.%n",
                    100 * z.get("accuracy").getAsDouble(), 100.0 / z.getAsJsonArray("per_class").size(),
                    100 * z.get("macro_f1").getAsDouble()));
            if (z.has("spearman_rho_accuracy_vs_corpus_pairs")) {
                b.append(String.format(Locale.ROOT, "- Spearman ρ between per-class accuracy and the species' number of corpus pairs "
                                + "(`world.json`): %.2f.%n", z.get("spearman_rho_accuracy_vs_corpus_pairs").getAsDouble()));
            }
            b.append("\n| species | corpus pairs | zero-shot accuracy | most confused with |\n|---|---:|---:|---|\n");
            List<JsonObject> rows = new ArrayList<>();
            for (JsonElement e : z.getAsJsonArray("per_class")) rows.add(e.getAsJsonObject());
            rows.sort(Comparator.comparingInt((JsonObject o) -> o.has("corpus_pairs") ? o.get("corpus_pairs").getAsInt() : -1).reversed());
            for (JsonObject o : rows) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", o.get("name").getAsString(),
                        o.has("corpus_pairs") ? o.get("corpus_pairs").getAsString() : "-",
                        o.has("accuracy") ? String.format(Locale.ROOT, "%.0f%%", 100 * o.get("accuracy").getAsDouble()) : "-",
                        o.has("most_confused_with") ? o.get("most_confused_with").getAsString() + " (" + o.get("most_confused_count").getAsInt() + ")" : ""));
            }
        }
        return b.toString();
    }

    private static String num(JsonObject o, String key) {
        double v = o.get(key).getAsDouble();
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static JsonObject parse(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}
