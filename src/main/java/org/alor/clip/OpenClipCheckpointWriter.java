package org.alor.clip;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a CLIP model as an OpenCLIP checkpoint folder ({@code open_clip_config.json} +
 * {@code open_clip_model.safetensors}) that {@link CheckpointLoader} reads back like a downloaded one.
 */
public final class OpenClipCheckpointWriter {
    public static final String CONFIG_FILE = "open_clip_config.json";
    public static final String WEIGHTS_FILE = "open_clip_model.safetensors";

    private OpenClipCheckpointWriter() {
    }

    /**
     * @param storeAs  F32, or F16/BF16 to halve the file (the loader widens to float32)
     * @param metadata extra safetensors {@code __metadata__} entries (strings)
     */
    public static void write(Path dir, ClipConfig config, StateDict weights, ElementType storeAs,
                             Map<String, String> metadata) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CONFIG_FILE), configJson(config), StandardCharsets.UTF_8);
        SafetensorsWriter writer = new SafetensorsWriter();
        metadata.forEach(writer::metadata);
        for (Tensor t : weights.tensors()) writer.addFloat(t.name(), t.shape(), t.data(), storeAs);
        writer.write(dir.resolve(WEIGHTS_FILE));
    }

    /** The OpenCLIP {@code open_clip_config.json} text of a config (model_cfg + preprocess_cfg). */
    public static String configJson(ClipConfig c) {
        JsonObject vision = new JsonObject();
        vision.addProperty("image_size", c.imageSize());
        vision.addProperty("layers", c.visionLayers());
        vision.addProperty("width", c.visionWidth());
        vision.addProperty("head_width", c.visionHeadWidth());
        vision.addProperty("patch_size", c.patchSize());
        vision.addProperty("mlp_ratio", c.mlpRatio());
        JsonObject text = new JsonObject();
        text.addProperty("context_length", c.contextLength());
        text.addProperty("vocab_size", c.vocabSize());
        text.addProperty("width", c.textWidth());
        text.addProperty("heads", c.textHeads());
        text.addProperty("layers", c.textLayers());
        text.addProperty("mlp_ratio", c.mlpRatio());
        JsonObject model = new JsonObject();
        model.addProperty("embed_dim", c.embedDim());
        model.addProperty("quick_gelu", c.quickGelu());
        model.add("vision_cfg", vision);
        model.add("text_cfg", text);
        JsonObject pre = new JsonObject();
        pre.add("mean", floats(c.mean()));
        pre.add("std", floats(c.std()));
        pre.addProperty("interpolation", "bicubic");
        pre.addProperty("resize_mode", "shortest");
        JsonObject root = new JsonObject();
        root.add("model_cfg", model);
        root.add("preprocess_cfg", pre);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static JsonArray floats(float[] values) {
        JsonArray a = new JsonArray();
        for (float v : values) a.add(v);
        return a;
    }
}
