package org.alor.clip;

import java.util.LinkedHashMap;
import java.util.Map;

/** The OpenCLIP state-dict layout of a {@link ClipConfig}: every tensor name with its shape, in file order. */
public final class ClipTensorLayout {
    private ClipTensorLayout() {
    }

    public static Map<String, long[]> expectedShapes(ClipConfig c) {
        Map<String, long[]> m = new LinkedHashMap<>();
        long vw = c.visionWidth();
        long grid = c.gridSize();
        m.put("visual.class_embedding", new long[] {vw});
        m.put("visual.positional_embedding", new long[] {grid * grid + 1, vw});
        m.put("visual.proj", new long[] {vw, c.embedDim()});
        m.put("visual.conv1.weight", new long[] {vw, 3, c.patchSize(), c.patchSize()});
        m.put("visual.ln_pre.weight", new long[] {vw});
        m.put("visual.ln_pre.bias", new long[] {vw});
        for (int i = 0; i < c.visionLayers(); i++) {
            putBlock(m, "visual.transformer.resblocks." + i + ".", vw, c.visionMlpWidth());
        }
        m.put("visual.ln_post.weight", new long[] {vw});
        m.put("visual.ln_post.bias", new long[] {vw});
        long tw = c.textWidth();
        m.put("token_embedding.weight", new long[] {c.vocabSize(), tw});
        m.put("positional_embedding", new long[] {c.contextLength(), tw});
        for (int i = 0; i < c.textLayers(); i++) {
            putBlock(m, "transformer.resblocks." + i + ".", tw, c.textMlpWidth());
        }
        m.put("ln_final.weight", new long[] {tw});
        m.put("ln_final.bias", new long[] {tw});
        m.put("text_projection", new long[] {tw, c.embedDim()});
        m.put("logit_scale", new long[] {});
        return m;
    }

    private static void putBlock(Map<String, long[]> m, String p, long w, long mlp) {
        m.put(p + "ln_1.weight", new long[] {w});
        m.put(p + "ln_1.bias", new long[] {w});
        m.put(p + "attn.in_proj_weight", new long[] {3 * w, w});
        m.put(p + "attn.in_proj_bias", new long[] {3 * w});
        m.put(p + "attn.out_proj.weight", new long[] {w, w});
        m.put(p + "attn.out_proj.bias", new long[] {w});
        m.put(p + "ln_2.weight", new long[] {w});
        m.put(p + "ln_2.bias", new long[] {w});
        m.put(p + "mlp.c_fc.weight", new long[] {mlp, w});
        m.put(p + "mlp.c_fc.bias", new long[] {mlp});
        m.put(p + "mlp.c_proj.weight", new long[] {w, mlp});
        m.put(p + "mlp.c_proj.bias", new long[] {w});
    }

    /** Total number of parameters the layout holds. */
    public static long parameterCount(ClipConfig c) {
        long n = 0;
        for (long[] s : expectedShapes(c).values()) {
            long k = 1;
            for (long d : s) k *= d;
            n += k;
        }
        return n;
    }
}
