package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.Arrays;

/**
 * The CLIP text encoder: token + positional embedding, causal transformer, ln_final, pooling at the position
 * of the highest token id per row (the end-of-text token), then {@code @ text_projection}.
 * Input NDList(token ids [B, T] int64, T ≤ context length); output NDList(text embeddings [B, embedDim]).
 */
public final class TextTower extends AbstractBlock {
    private final ClipConfig config;
    private final Parameter tokenEmbedding, positionalEmbedding, lnFinalWeight, lnFinalBias, textProjection;
    private final TransformerStack transformer;
    private final Autocast autocast;

    TextTower(ClipParameters params, ClipConfig config, Autocast autocast) {
        this.config = config;
        this.autocast = autocast;
        int w = config.textWidth();
        tokenEmbedding = addParameter(params.normal("token_embedding.weight", 0.02, config.vocabSize(), w));
        positionalEmbedding = addParameter(params.normal("positional_embedding", 0.01, config.contextLength(), w));
        transformer = addChildBlock("transformer", new TransformerStack(params, "transformer.", w,
                config.textHeads(), config.textMlpWidth(), config.quickGelu(), config.textLayers(), autocast));
        lnFinalWeight = addParameter(params.ones("ln_final.weight", Parameter.Type.GAMMA, w));
        lnFinalBias = addParameter(params.zeros("ln_final.bias", Parameter.Type.BETA, w));
        textProjection = addParameter(params.normal("text_projection", Math.pow(w, -0.5), w, config.embedDim()));
    }

    /** @param tokenIds [B, T] int64 with T ≤ context length; each row's highest id marks the pooled position */
    public NDArray forward(ParameterStore ps, NDArray tokenIds, boolean training) {
        checkIds(tokenIds);
        NDArray embedded = Embedding.embedding(tokenIds,
                ResidualAttentionBlock.value(ps, tokenEmbedding, tokenIds, training), SparseFormat.DENSE).head();
        return forwardEmbeddings(ps, embedded, tokenIds, training);
    }

    /**
     * The tower from already-embedded tokens on: the hook prompt tuning needs (learned context vectors
     * replace some token embeddings). {@code tokenIds} only locate the pooled position per row.
     *
     * @param tokenEmbeddings [B, T, W]
     */
    public NDArray forwardEmbeddings(ParameterStore ps, NDArray tokenEmbeddings, NDArray tokenIds,
                                     boolean training) {
        checkIds(tokenIds);
        long tokens = tokenIds.getShape().get(1);
        long used = usedLength(tokenIds);
        if (used < tokens) {
            // Causal attention: a position never sees later ones, so the padding after the batch's last end-of-text
            // token cannot change any pooled output or gradient. Dropping it makes short prompts (≈ 15 of 77 tokens
            // for CLIP's class prompts) that much cheaper in every text pass: CT steps, prompt tuning, heads, ranking.
            NDIndex kept = new NDIndex(":, 0:{}", used);
            tokenIds = tokenIds.get(kept);
            tokenEmbeddings = tokenEmbeddings.get(kept);
            tokens = used;
        }
        NDArray pos = ResidualAttentionBlock.value(ps, positionalEmbedding, tokenEmbeddings, training);
        NDArray x;
        if (tokens == config.contextLength()) {
            x = tokenEmbeddings.add(pos);
        } else {
            NDArray slice = pos.get(new NDIndex("0:{}", tokens));
            slice.attach(tokenEmbeddings.getManager()); // a view of the parameter, owned by this batch
            x = tokenEmbeddings.add(slice);
        }
        x = transformer.forward(ps, x, causalMask(tokenEmbeddings.getManager(), (int) tokens), training);
        // one-hot row selection keeps the pooling differentiable w.r.t. the hidden states
        NDArray oneHot = tokenIds.argMax(1).oneHot((int) tokens, DataType.FLOAT32);
        NDArray pooled = x.mul(oneHot.expandDims(-1)).sum(new int[] {1});
        pooled = ResidualAttentionBlock.layerNorm(ps, pooled, lnFinalWeight, lnFinalBias, training);
        return autocast.toFloat(autocast.matMul(pooled,
                ResidualAttentionBlock.value(ps, textProjection, tokenEmbeddings, training)));
    }

    /** Positions up to and including the last pooled (end-of-text) position of any row: 1 + max row argmax. */
    static long usedLength(NDArray tokenIds) {
        try (NDArray eot = tokenIds.argMax(1); NDArray last = eot.max()) {
            return last.getLong() + 1;
        }
    }

    private void checkIds(NDArray tokenIds) {
        Shape shape = tokenIds.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 1 || shape.get(1) > config.contextLength()) {
            throw new IllegalArgumentException("token ids must be [B, T] with 1 ≤ T ≤ "
                    + config.contextLength() + ", got " + shape);
        }
        if (tokenIds.getDataType() != DataType.INT64) {
            throw new IllegalArgumentException("token ids must be int64, got " + tokenIds.getDataType());
        }
    }

    /** Additive mask [T, T]: 0 on and below the diagonal, −inf above (a token sees only earlier tokens). */
    static NDArray causalMask(NDManager manager, int tokens) {
        float[] mask = new float[tokens * tokens];
        for (int i = 0; i < tokens; i++) {
            Arrays.fill(mask, i * tokens + i + 1, (i + 1) * tokens, Float.NEGATIVE_INFINITY);
        }
        return manager.create(mask, new Shape(tokens, tokens));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dataType, Shape... inputShapes) {
        transformer.initialize(m, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.textWidth()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.embedDim())};
    }
}
