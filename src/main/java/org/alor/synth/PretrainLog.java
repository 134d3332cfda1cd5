package org.alor.synth;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.clip.ClipConfig;
import org.alor.clip.OpenClipCheckpointWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code training_log.json} and {@code training_log.md} of a pretraining run. */
public record PretrainLog(String command, PretrainOptions options, int threads, String corpus, int pairs,
                          int problems, double firstStepLoss, List<Double> epochLosses, List<Double> epochSeconds,
                          double finalLogitScale, double totalSeconds, long parameters) {
    public static final String JSON_FILE = "training_log.json";
    public static final String MARKDOWN_FILE = "training_log.md";

    public void writeTo(Path dir) throws IOException {
        Files.writeString(dir.resolve(JSON_FILE), json(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(), StandardCharsets.UTF_8);
    }

    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("command", command);
        root.addProperty("seed", options.seed());
        root.addProperty("corpus", corpus);
        root.addProperty("pairs", pairs);
        root.addProperty("skipped_input_warnings", problems);
        root.addProperty("parameters", parameters);
        JsonObject train = new JsonObject();
        train.addProperty("epochs", options.epochs());
        train.addProperty("batch_size", options.batchSize());
        train.addProperty("optimizer", "AdamW beta 0.9/0.999 eps 1e-8");
        train.addProperty("learning_rate", options.learningRate());
        train.addProperty("weight_decay", options.weightDecay());
        train.addProperty("weight_decay_applies_to", "matrices only (not biases, LayerNorms, embeddings, logit_scale)");
        train.addProperty("warmup_iterations", options.warmupIterations());
        train.addProperty("schedule", "linear warm-up, cosine to 0");
        train.addProperty("logit_scale_init", "ln(1/0.07), clamped to [0, ln 100] after each step");
        train.addProperty("augmentation", "RandomResizedCrop scale " + options.cropScaleMin() + "-1 ratio 3/4-4/3 bicubic + flip p 0.5");
        train.addProperty("threads", threads);
        root.add("training", train);
        root.add("model", com.google.gson.JsonParser.parseString(OpenClipCheckpointWriter.configJson(options.model())));
        root.addProperty("first_step_loss", firstStepLoss);
        JsonArray epochs = new JsonArray();
        for (int e = 0; e < epochLosses.size(); e++) {
            JsonObject o = new JsonObject();
            o.addProperty("epoch", e + 1);
            o.addProperty("loss", round(epochLosses.get(e), 4));
            o.addProperty("seconds", round(epochSeconds.get(e), 1));
            epochs.add(o);
        }
        root.add("epochs", epochs);
        root.addProperty("final_logit_scale", round(finalLogitScale, 4));
        root.addProperty("total_seconds", round(totalSeconds, 1));
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    public String markdown() {
        ClipConfig c = options.model();
        StringBuilder b = new StringBuilder();
        b.append("# Tiny CLIP pretraining log\n\n");
        if (command != null) b.append("Command (seed ").append(options.seed()).append("):\n\n    ").append(command).append("\n\n");
        b.append(String.format(Locale.ROOT, "- Model: ViT %d px, patch %d, vision width %d × %d layers (head width %d); "
                        + "text width %d × %d layers, %d heads, context %d, CLIP BPE vocabulary %d; embed %d; %,d parameters%n",
                c.imageSize(), c.patchSize(), c.visionWidth(), c.visionLayers(), c.visionHeadWidth(), c.textWidth(),
                c.textLayers(), c.textHeads(), c.contextLength(), c.vocabSize(), c.embedDim(), parameters));
        b.append(String.format(Locale.ROOT, "- Data: %d image–caption pairs from %s (%d input warnings)%n", pairs, corpus, problems));
        b.append(String.format(Locale.ROOT, "- Training: %d epochs, batch %d, AdamW lr %s (warm-up %d steps, cosine to 0), "
                        + "weight decay %s on matrices only, learnable logit scale (init ln(1/0.07), clamp [0, ln 100]), "
                        + "RandomResizedCrop %.2f–1 + flip, seed %d, %d threads, CPU%n",
                options.epochs(), options.batchSize(), options.learningRate(), options.warmupIterations(),
                options.weightDecay(), options.cropScaleMin(), options.seed(), threads));
        b.append(String.format(Locale.ROOT, "- First-batch loss %.4f (ln %d = %.4f); final logit scale %.3f (temperature 1/%.1f)%n",
                firstStepLoss, options.batchSize(), Math.log(options.batchSize()), finalLogitScale, Math.exp(finalLogitScale)));
        b.append(String.format(Locale.ROOT, "- Total time %.1f min%n%n", totalSeconds / 60));
        b.append(table());
        return b.toString();
    }

    /** The per-epoch table (markdown). */
    public String table() {
        StringBuilder b = new StringBuilder("| epoch | mean loss | seconds |\n|---:|---:|---:|\n");
        for (int e = 0; e < epochLosses.size(); e++) {
            b.append(String.format(Locale.ROOT, "| %d | %.4f | %.1f |%n", e + 1, epochLosses.get(e), epochSeconds.get(e)));
        }
        return b.toString();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
