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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link ClipConfig} comes from: OpenCLIP {@code open_clip_config.json} (or a bare OpenCLIP model config),
 * Hugging Face {@code config.json}, the built-in OpenCLIP model names, or the tensor shapes themselves.
 */
public final class ClipConfigs {
    private static final Map<String, ClipConfig> BUILT_IN = new LinkedHashMap<>();

    static {
        for (boolean quick : new boolean[] {false, true}) {
            String suffix = quick ? "-quickgelu" : "";
            BUILT_IN.put("ViT-B-32" + suffix, vit(512, quick, 224, 32, 768, 12, 512, 8, 12));
            BUILT_IN.put("ViT-B-16" + suffix, vit(512, quick, 224, 16, 768, 12, 512, 8, 12));
            BUILT_IN.put("ViT-L-14" + suffix, vit(768, quick, 224, 14, 1024, 24, 768, 12, 12));
            BUILT_IN.put("ViT-L-14-336" + suffix, vit(768, quick, 336, 14, 1024, 24, 768, 12, 12));
        }
    }

    private ClipConfigs() {
    }

    private static ClipConfig vit(int embed, boolean quick, int image, int patch, int vWidth, int vLayers,
                                  int tWidth, int tHeads, int tLayers) {
        return new ClipConfig(embed, quick, image, patch, vWidth, vLayers, 64, 4.0, 77, 49408, tWidth, tHeads,
                tLayers, ClipConfig.CLIP_MEAN.clone(), ClipConfig.CLIP_STD.clone());
    }

    public static List<String> builtInNames() {
        return new ArrayList<>(BUILT_IN.keySet());
    }

    /** A built-in OpenCLIP config by exact name (case-insensitive), e.g. {@code ViT-B-32-quickgelu}. */
    public static Optional<ClipConfig> builtIn(String name) {
        for (Map.Entry<String, ClipConfig> e : BUILT_IN.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name.trim())) return Optional.of(copy(e.getValue()));
        }
        return Optional.empty();
    }

    /**
     * Finds a built-in model name inside free text such as a file or folder name
     * ({@code models--laion--CLIP-ViT-B-32-laion2B-s34B-b79K}, {@code clip-vit-large-patch14},
     * {@code ViT-B-16_openai.bin}). OpenAI weights and names saying "quickgelu" get the QuickGELU variant.
     */
    public static Optional<String> matchName(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('_', '-').replace('/', '-').replace('@', '-');
        t = t.replace("vit-base-patch32", "vit-b-32").replace("vit-base-patch16", "vit-b-16")
                .replace("vit-large-patch14", "vit-l-14").replace("vit-b32", "vit-b-32")
                .replace("vit-b16", "vit-b-16").replace("vit-l14", "vit-l-14").replace("336px", "336");
        String base = null;
        for (String candidate : List.of("vit-l-14-336", "vit-l-14", "vit-b-16", "vit-b-32")) {
            if (t.contains(candidate)) {
                base = candidate;
                break;
            }
        }
        if (base == null) return Optional.empty();
        boolean quick = t.contains("quickgelu") || t.contains("openai");
        String upper = base.replace("vit-", "ViT-").replace("-b-", "-B-").replace("-l-", "-L-");
        return Optional.of(upper + (quick ? "-quickgelu" : ""));
    }

    // ---- OpenCLIP ------------------------------------------------------------------------------------------

    /** {@code open_clip_config.json} ({model_cfg, preprocess_cfg}) or a bare OpenCLIP model config. */
    public static ClipConfig fromOpenClipJson(Path file) throws CheckpointException {
        return fromOpenClipJson(readJson(file), file.toString());
    }

    public static boolean looksLikeOpenClip(JsonObject root) {
        JsonObject m = root.has("model_cfg") && root.get("model_cfg").isJsonObject() ? root.getAsJsonObject("model_cfg") : root;
        return m.has("vision_cfg") && m.has("text_cfg");
    }

    public static ClipConfig fromOpenClipJson(JsonObject root, String source) throws CheckpointException {
        JsonObject model = root.has("model_cfg") && root.get("model_cfg").isJsonObject()
                ? root.getAsJsonObject("model_cfg") : root;
        JsonObject vision = object(model, "vision_cfg", source);
        JsonObject text = object(model, "text_cfg", source);
        if (vision.has("timm_model_name") && !vision.get("timm_model_name").isJsonNull()) {
            throw new CheckpointException(source + ": timm vision towers (" + vision.get("timm_model_name")
                    + ") are not supported; only the CLIP ViT architecture is");
        }
        if (text.has("hf_model_name") && !text.get("hf_model_name").isJsonNull()) {
            throw new CheckpointException(source + ": Hugging Face text towers (" + text.get("hf_model_name")
                    + ") are not supported; only the CLIP text transformer is");
        }
        if (vision.has("layers") && !vision.get("layers").isJsonPrimitive()) {
            throw new CheckpointException(source + ": ResNet vision towers are not supported; only the CLIP ViT"
                    + " architecture is");
        }
        double visionRatio = num(vision, "mlp_ratio", 4.0, source);
        double textRatio = num(text, "mlp_ratio", 4.0, source);
        if (visionRatio != textRatio) {
            throw new CheckpointException(source + ": different MLP ratios for the vision (" + visionRatio
                    + ") and text (" + textRatio + ") towers are not supported");
        }
        int width = integer(vision, "width", 768, source);
        int headWidth = integer(vision, "head_width", 64, source);
        if (width % headWidth != 0) {
            throw new CheckpointException(source + ": vision width " + width + " is not a multiple of head_width "
                    + headWidth);
        }
        JsonObject pre = root.has("preprocess_cfg") && root.get("preprocess_cfg").isJsonObject()
                ? root.getAsJsonObject("preprocess_cfg") : new JsonObject();
        return new ClipConfig(
                integer(model, "embed_dim", 512, source),
                model.has("quick_gelu") && model.get("quick_gelu").getAsBoolean(),
                imageSize(vision, source),
                integer(vision, "patch_size", 16, source),
                width,
                integer(vision, "layers", 12, source),
                headWidth,
                visionRatio,
                integer(text, "context_length", 77, source),
                integer(text, "vocab_size", 49408, source),
                integer(text, "width", 512, source),
                integer(text, "heads", 8, source),
                integer(text, "layers", 12, source),
                floats3(pre, "mean", ClipConfig.CLIP_MEAN, source),
                floats3(pre, "std", ClipConfig.CLIP_STD, source));
    }

    private static int imageSize(JsonObject vision, String source) throws CheckpointException {
        JsonElement e = vision.get("image_size");
        if (e != null && e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (a.size() != 2 || a.get(0).getAsInt() != a.get(1).getAsInt()) {
                throw new CheckpointException(source + ": non-square image_size " + a + " is not supported");
            }
            return a.get(0).getAsInt();
        }
        return integer(vision, "image_size", 224, source);
    }

    // ---- Hugging Face --------------------------------------------------------------------------------------

    public static boolean looksLikeHf(JsonObject root) {
        return (root.has("vision_config") || root.has("vision_config_dict"))
                && (root.has("text_config") || root.has("text_config_dict"));
    }

    /** Hugging Face {@code CLIPModel} config.json; mean/std from a sibling preprocessor_config.json if present. */
    public static ClipConfig fromHfJson(Path file) throws CheckpointException {
        JsonObject root = readJson(file);
        float[] mean = ClipConfig.CLIP_MEAN.clone();
        float[] std = ClipConfig.CLIP_STD.clone();
        Path pre = file.resolveSibling("preprocessor_config.json");
        if (Files.isRegularFile(pre)) {
            JsonObject p = readJson(pre);
            mean = floats3(p, "image_mean", mean, pre.toString());
            std = floats3(p, "image_std", std, pre.toString());
        }
        return fromHfJson(root, file.toString(), mean, std);
    }

    public static ClipConfig fromHfJson(JsonObject root, String source, float[] mean, float[] std)
            throws CheckpointException {
        if (root.has("model_type") && !root.get("model_type").getAsString().equals("clip")) {
            throw new CheckpointException(source + ": model_type '" + root.get("model_type").getAsString()
                    + "' is not a CLIP model");
        }
        JsonObject vision = hfSection(root, "vision_config");
        JsonObject text = hfSection(root, "text_config");
        int vWidth = integer(vision, "hidden_size", 768, source);
        int vHeads = integer(vision, "num_attention_heads", 12, source);
        int vInter = integer(vision, "intermediate_size", 3072, source);
        int tWidth = integer(text, "hidden_size", 512, source);
        int tInter = integer(text, "intermediate_size", 2048, source);
        double vRatio = (double) vInter / vWidth;
        double tRatio = (double) tInter / tWidth;
        if (vRatio != tRatio) {
            throw new CheckpointException(source + ": different MLP ratios for the vision (" + vRatio
                    + ") and text (" + tRatio + ") towers are not supported");
        }
        if (vWidth % vHeads != 0) {
            throw new CheckpointException(source + ": vision hidden_size " + vWidth
                    + " is not a multiple of num_attention_heads " + vHeads);
        }
        String vAct = string(vision, "hidden_act", "quick_gelu");
        String tAct = string(text, "hidden_act", "quick_gelu");
        if (!vAct.equals(tAct)) {
            throw new CheckpointException(source + ": different activations (" + vAct + ", " + tAct
                    + ") for the two towers are not supported");
        }
        if (!vAct.equals("quick_gelu") && !vAct.equals("gelu")) {
            throw new CheckpointException(source + ": activation '" + vAct + "' is not supported (quick_gelu or gelu)");
        }
        return new ClipConfig(
                integer(root, "projection_dim", 512, source),
                vAct.equals("quick_gelu"),
                integer(vision, "image_size", 224, source),
                integer(vision, "patch_size", 32, source),
                vWidth,
                integer(vision, "num_hidden_layers", 12, source),
                vWidth / vHeads,
                vRatio,
                integer(text, "max_position_embeddings", 77, source),
                integer(text, "vocab_size", 49408, source),
                tWidth,
                integer(text, "num_attention_heads", 8, source),
                integer(text, "num_hidden_layers", 12, source),
                mean, std);
    }

    private static JsonObject hfSection(JsonObject root, String key) {
        for (String k : List.of(key, key + "_dict")) {
            if (root.has(k) && root.get(k).isJsonObject()) return root.getAsJsonObject(k);
        }
        return new JsonObject();
    }

    // ---- from tensor shapes --------------------------------------------------------------------------------

    /**
     * Reconstructs a config from OpenCLIP-named tensor shapes. Head counts and the activation are not visible
     * in the weights: heads are width/64 (the CLIP convention) and the activation is taken from the caller.
     */
    public static ClipConfig inferFromShapes(StateDict sd, boolean quickGelu, String source) throws CheckpointException {
        long[] conv = shape(sd, "visual.conv1.weight", 4, source);
        long[] vPos = shape(sd, "visual.positional_embedding", 2, source);
        long[] proj = shape(sd, "visual.proj", 2, source);
        long[] tok = shape(sd, "token_embedding.weight", 2, source);
        long[] tPos = shape(sd, "positional_embedding", 2, source);
        long[] fc = shape(sd, "visual.transformer.resblocks.0.mlp.c_fc.weight", 2, source);
        int vWidth = (int) conv[0];
        int patch = (int) conv[2];
        int grid = (int) Math.round(Math.sqrt(vPos[0] - 1));
        if ((long) grid * grid + 1 != vPos[0]) {
            throw new CheckpointException("cannot infer the model shape of " + source
                    + ": visual.positional_embedding has " + vPos[0] + " rows, not a square grid plus one");
        }
        int tWidth = (int) tok[1];
        return new ClipConfig((int) proj[1], quickGelu, grid * patch, patch, vWidth,
                countLayers(sd, "visual.transformer.resblocks."), vWidth % 64 == 0 ? 64 : vWidth,
                (double) fc[0] / vWidth, (int) tPos[0], (int) tok[0], tWidth, Math.max(1, tWidth / 64),
                countLayers(sd, "transformer.resblocks."),
                ClipConfig.CLIP_MEAN.clone(), ClipConfig.CLIP_STD.clone());
    }

    private static int countLayers(StateDict sd, String prefix) {
        int n = 0;
        while (sd.contains(prefix + n + ".attn.in_proj_weight")) n++;
        return n;
    }

    private static long[] shape(StateDict sd, String name, int rank, String source) throws CheckpointException {
        Tensor t = sd.get(name);
        if (t == null || t.shape().length != rank) {
            throw new CheckpointException("cannot infer the model shape of " + source + ": tensor " + name
                    + (t == null ? " is missing" : " has shape " + t.shapeString()));
        }
        return t.shape();
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------

    static JsonObject readJson(Path file) throws CheckpointException {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new CheckpointException(file + " is not a JSON object");
            return e.getAsJsonObject();
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new CheckpointException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject object(JsonObject o, String key, String source) throws CheckpointException {
        if (!o.has(key) || !o.get(key).isJsonObject()) {
            throw new CheckpointException(source + ": missing \"" + key + "\" section");
        }
        return o.getAsJsonObject(key);
    }

    private static int integer(JsonObject o, String key, int dflt, String source) throws CheckpointException {
        if (!o.has(key) || o.get(key).isJsonNull()) return dflt;
        try {
            double d = o.get(key).getAsDouble();
            if (d != Math.rint(d) || d <= 0) throw new NumberFormatException();
            return (int) d;
        } catch (RuntimeException e) {
            throw new CheckpointException(source + ": \"" + key + "\" should be a positive integer, got " + o.get(key));
        }
    }

    private static double num(JsonObject o, String key, double dflt, String source) throws CheckpointException {
        if (!o.has(key) || o.get(key).isJsonNull()) return dflt;
        try {
            return o.get(key).getAsDouble();
        } catch (RuntimeException e) {
            throw new CheckpointException(source + ": \"" + key + "\" should be a number, got " + o.get(key));
        }
    }

    private static String string(JsonObject o, String key, String dflt) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : dflt;
    }

    private static float[] floats3(JsonObject o, String key, float[] dflt, String source) throws CheckpointException {
        if (!o.has(key) || o.get(key).isJsonNull()) return dflt.clone();
        try {
            JsonArray a = o.getAsJsonArray(key);
            if (a.size() == 1) {
                float v = a.get(0).getAsFloat();
                return new float[] {v, v, v};
            }
            if (a.size() != 3) throw new IllegalArgumentException();
            return new float[] {a.get(0).getAsFloat(), a.get(1).getAsFloat(), a.get(2).getAsFloat()};
        } catch (RuntimeException e) {
            throw new CheckpointException(source + ": \"" + key + "\" should be 3 numbers (RGB), got " + o.get(key));
        }
    }

    private static ClipConfig copy(ClipConfig c) {
        return new ClipConfig(c.embedDim(), c.quickGelu(), c.imageSize(), c.patchSize(), c.visionWidth(),
                c.visionLayers(), c.visionHeadWidth(), c.mlpRatio(), c.contextLength(), c.vocabSize(), c.textWidth(),
                c.textHeads(), c.textLayers(), c.mean().clone(), c.std().clone());
    }
}
