package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal reader of OpenCLIP's {@code open_clip_config.json} (or a bare model config), with OpenCLIP's
 * defaults for absent fields. Stop-gap for the CLI until the full config parser is merged.
 */
public final class MinimalOpenClipConfig {
    private MinimalOpenClipConfig() {
    }

    public static ClipConfig read(Path file) throws IOException {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + ": not a JSON object (" + e.getMessage() + ")", e);
        }
        try {
            JsonObject model = root.has("model_cfg") ? root.getAsJsonObject("model_cfg") : root;
            JsonObject vision = model.getAsJsonObject("vision_cfg");
            JsonObject text = model.getAsJsonObject("text_cfg");
            if (vision == null || text == null || !model.has("embed_dim")) {
                throw new IOException(file + ": needs embed_dim, vision_cfg and text_cfg");
            }
            JsonObject pre = root.has("preprocess_cfg") ? root.getAsJsonObject("preprocess_cfg") : new JsonObject();
            return new ClipConfig(
                    model.get("embed_dim").getAsInt(),
                    model.has("quick_gelu") && model.get("quick_gelu").getAsBoolean(),
                    imageSize(vision.get("image_size")),
                    intOr(vision, "patch_size", 16),
                    intOr(vision, "width", 768),
                    intOr(vision, "layers", 12),
                    intOr(vision, "head_width", 64),
                    vision.has("mlp_ratio") ? vision.get("mlp_ratio").getAsDouble() : 4.0,
                    intOr(text, "context_length", 77),
                    intOr(text, "vocab_size", 49408),
                    intOr(text, "width", 512),
                    intOr(text, "heads", 8),
                    intOr(text, "layers", 12),
                    floats(pre.get("mean"), ClipConfig.CLIP_MEAN),
                    floats(pre.get("std"), ClipConfig.CLIP_STD));
        } catch (ClassCastException | IllegalStateException | NumberFormatException e) {
            throw new IOException(file + ": unexpected value in the model config (" + e.getMessage() + ")", e);
        }
    }

    private static int imageSize(JsonElement e) {
        if (e == null) {
            return 224;
        }
        return e.isJsonArray() ? e.getAsJsonArray().get(0).getAsInt() : e.getAsInt();
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        return o.has(key) ? o.get(key).getAsInt() : fallback;
    }

    private static float[] floats(JsonElement e, float[] fallback) {
        if (e == null || !e.isJsonArray()) {
            return fallback.clone();
        }
        JsonArray a = e.getAsJsonArray();
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
