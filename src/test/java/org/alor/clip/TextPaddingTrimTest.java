package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.alor.clip.ClipTinyFixture.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text tower drops the padding after the batch's last end-of-text token. With causal attention that padding
 * cannot reach any pooled output, so embeddings and gradients must not depend on how long the other rows are.
 */
class TextPaddingTrimTest {
    // the fixture's vocabulary has 1,000 ids: start 998, end 999 (the highest id of each row), padding 0
    private static final long SOT = 998, EOT = 999;

    @Test
    void theUsedLengthEndsAtTheLastEndOfTextTokenOfAnyRow() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray ids = m.create(new long[] {SOT, 5, EOT, 0, 0, 0, 0, SOT, 7, 8, 9, EOT, 0, 0}, new Shape(2, 7));
            assertThat(TextTower.usedLength(ids)).isEqualTo(5);
            NDArray full = m.create(new long[] {SOT, 5, 6, EOT}, new Shape(1, 4));
            assertThat(TextTower.usedLength(full)).isEqualTo(4);
        }
    }

    @Test
    void shortPromptsGiveTheSameEmbeddingsAndGradientsAsInAFullLengthBatch() {
        try (ClipModel model = ClipTinyFixture.model();
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            int context = model.config().contextLength();
            long[][] shortRows = {{SOT, 11, 12, EOT}, {SOT, 40, EOT}, {SOT, 7, 8, 9, 10, EOT}};
            long[] fullRow = new long[context];
            fullRow[0] = SOT;
            for (int j = 1; j < context - 1; j++) fullRow[j] = 100 + j;
            fullRow[context - 1] = EOT;

            NDArray weights = m.randomNormal(new Shape(shortRows.length, model.config().embedDim()));
            Result trimmed = lossAndGradients(model, m, ids(m, context, shortRows, null), weights);
            Result full = lossAndGradients(model, m, ids(m, context, shortRows, fullRow), weights);

            assertThat(relativeError(trimmed.embeddings, full.embeddings)).isLessThan(1e-5);
            assertThat(trimmed.gradients.keySet()).isEqualTo(full.gradients.keySet());
            List<String> compared = new ArrayList<>();
            for (Map.Entry<String, NDArray> e : full.gradients.entrySet()) {
                if (e.getValue().abs().max().getFloat() == 0f) continue; // e.g. rows of unused token ids
                assertThat(relativeError(trimmed.gradients.get(e.getKey()), e.getValue())).as(e.getKey()).isLessThan(1e-4);
                compared.add(e.getKey());
            }
            assertThat(compared).contains("positional_embedding", "token_embedding.weight", "text_projection",
                    "transformer.resblocks.0.attn.in_proj_weight", "transformer.resblocks.1.mlp.c_proj.weight");
        }
    }

    private record Result(NDArray embeddings, Map<String, NDArray> gradients) {
    }

    /** Rows padded with 0 to the context length; {@code extra} (or none) appended as the last row. */
    private static NDArray ids(NDManager m, int context, long[][] rows, long[] extra) {
        int n = rows.length + (extra == null ? 0 : 1);
        long[] flat = new long[n * context];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * context, rows[i].length);
        if (extra != null) System.arraycopy(extra, 0, flat, rows.length * context, context);
        return m.create(flat, new Shape(n, context));
    }

    /** Embeddings of the first rows, and the gradient of sum(embedding · weight) over those rows only. */
    private static Result lossAndGradients(ClipModel model, NDManager m, NDArray ids, NDArray weights) {
        model.zeroGradients();
        NDArray embeddings;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray all = model.encodeTexts(new ParameterStore(m, false), ids, true);
            embeddings = all.get(new NDIndex("0:{}", weights.getShape().get(0)));
            collector.backward(embeddings.mul(weights).sum());
        }
        Map<String, NDArray> gradients = new java.util.TreeMap<>();
        model.namedParameters().forEach((name, p) -> {
            if (!name.startsWith("visual.") && !name.equals("logit_scale")) {
                NDArray g = p.getArray().getGradient().duplicate();
                g.attach(m);
                gradients.put(name, g);
            }
        });
        return new Result(embeddings.duplicate(), gradients);
    }
}
