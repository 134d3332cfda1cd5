package org.alor.clip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames a Hugging Face {@code CLIPModel} state dict to OpenCLIP names: q/k/v projections are concatenated
 * (in that order) into {@code in_proj_weight}/{@code in_proj_bias}, the projection Linear weights are
 * transposed into {@code visual.proj}/{@code text_projection}, and {@code position_ids} buffers are dropped.
 * Names it does not know are kept as they are, so validation reports them.
 */
public final class HfClipNames {
    private static final Pattern LAYER = Pattern.compile("(vision|text)_model\\.encoder\\.layers\\.(\\d+)\\.(.+)");
    private static final Pattern QKV = Pattern.compile("self_attn\\.([qkv])_proj\\.(weight|bias)");
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("vision_model.embeddings.class_embedding", "visual.class_embedding"),
            Map.entry("vision_model.embeddings.patch_embedding.weight", "visual.conv1.weight"),
            Map.entry("vision_model.embeddings.position_embedding.weight", "visual.positional_embedding"),
            Map.entry("vision_model.pre_layrnorm.weight", "visual.ln_pre.weight"),
            Map.entry("vision_model.pre_layrnorm.bias", "visual.ln_pre.bias"),
            Map.entry("vision_model.post_layernorm.weight", "visual.ln_post.weight"),
            Map.entry("vision_model.post_layernorm.bias", "visual.ln_post.bias"),
            Map.entry("text_model.embeddings.token_embedding.weight", "token_embedding.weight"),
            Map.entry("text_model.embeddings.position_embedding.weight", "positional_embedding"),
            Map.entry("text_model.final_layer_norm.weight", "ln_final.weight"),
            Map.entry("text_model.final_layer_norm.bias", "ln_final.bias"),
            Map.entry("logit_scale", "logit_scale"));
    private static final Map<String, String> IN_LAYER = Map.ofEntries(
            Map.entry("self_attn.out_proj.weight", "attn.out_proj.weight"),
            Map.entry("self_attn.out_proj.bias", "attn.out_proj.bias"),
            Map.entry("layer_norm1.weight", "ln_1.weight"),
            Map.entry("layer_norm1.bias", "ln_1.bias"),
            Map.entry("layer_norm2.weight", "ln_2.weight"),
            Map.entry("layer_norm2.bias", "ln_2.bias"),
            Map.entry("mlp.fc1.weight", "mlp.c_fc.weight"),
            Map.entry("mlp.fc1.bias", "mlp.c_fc.bias"),
            Map.entry("mlp.fc2.weight", "mlp.c_proj.weight"),
            Map.entry("mlp.fc2.bias", "mlp.c_proj.bias"));

    private HfClipNames() {
    }

    /** True when the names look like a Hugging Face CLIPModel (vision_model.* / text_model.*). */
    public static boolean isHfLayout(StateDict sd) {
        for (String n : sd.names()) {
            if (n.startsWith("vision_model.") || n.startsWith("text_model.") || n.equals("visual_projection.weight")) {
                return true;
            }
        }
        return false;
    }

    public static StateDict toOpenClip(StateDict hf) {
        StateDict out = new StateDict();
        // in_proj parts per target name, collected until q, k and v are all there
        Map<String, Tensor[]> qkv = new LinkedHashMap<>();
        for (Tensor t : hf.tensors()) {
            String name = t.name();
            if (name.endsWith("position_ids")) continue;
            if (FIXED.containsKey(name)) {
                out.put(rename(t, FIXED.get(name)));
            } else if (name.equals("visual_projection.weight") && t.shape().length == 2) {
                out.put(transpose(t, "visual.proj"));
            } else if (name.equals("text_projection.weight") && t.shape().length == 2) {
                out.put(transpose(t, "text_projection"));
            } else {
                Matcher lm = LAYER.matcher(name);
                if (!lm.matches()) {
                    out.put(t);
                    continue;
                }
                String prefix = (lm.group(1).equals("vision") ? "visual.transformer" : "transformer")
                        + ".resblocks." + lm.group(2) + ".";
                String rest = lm.group(3);
                Matcher qm = QKV.matcher(rest);
                if (IN_LAYER.containsKey(rest)) {
                    out.put(rename(t, prefix + IN_LAYER.get(rest)));
                } else if (qm.matches()) {
                    String target = prefix + "attn.in_proj_" + qm.group(2);
                    Tensor[] parts = qkv.computeIfAbsent(target, k -> new Tensor[3]);
                    parts[switch (qm.group(1)) {
                        case "q" -> 0;
                        case "k" -> 1;
                        default -> 2;
                    }] = t;
                } else {
                    out.put(t);
                }
            }
        }
        for (Map.Entry<String, Tensor[]> e : qkv.entrySet()) {
            Tensor[] p = e.getValue();
            if (p[0] != null && p[1] != null && p[2] != null && sameShape(p)) {
                out.put(concat(e.getKey(), p));
            } else {
                for (Tensor t : p) if (t != null) out.put(t); // incomplete: leave for validation to report
            }
        }
        return out;
    }

    private static boolean sameShape(Tensor[] p) {
        return java.util.Arrays.equals(p[0].shape(), p[1].shape()) && java.util.Arrays.equals(p[0].shape(), p[2].shape());
    }

    private static Tensor rename(Tensor t, String name) {
        return new Tensor(name, t.shape(), t.data());
    }

    private static Tensor transpose(Tensor t, String name) {
        int rows = (int) t.shape()[0];
        int cols = (int) t.shape()[1];
        float[] src = t.data();
        float[] dst = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
        }
        return new Tensor(name, new long[] {cols, rows}, dst);
    }

    private static Tensor concat(String name, Tensor[] parts) {
        long[] shape = parts[0].shape().clone();
        shape[0] *= 3;
        int n = parts[0].data().length;
        float[] data = new float[3 * n];
        for (int i = 0; i < 3; i++) System.arraycopy(parts[i].data(), 0, data, i * n, n);
        return new Tensor(name, shape, data);
    }
}
