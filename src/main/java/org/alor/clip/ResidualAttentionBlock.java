package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm CLIP transformer block: {@code x = x + attn(ln_1(x)); x = x + mlp(ln_2(x))}.
 * Attention uses OpenCLIP's fused {@code in_proj_weight} [3W, W] (rows: q, k, v) and {@code in_proj_bias}.
 * Input: NDList(x [B, T, W]) or NDList(x, additive mask [T, T]); output: NDList(x [B, T, W]).
 */
public final class ResidualAttentionBlock extends AbstractBlock {
    static final float LAYER_NORM_EPS = 1e-5f;

    private final int width;
    private final int heads;
    private final boolean quickGelu;
    private final Autocast autocast;
    private final Parameter ln1Weight, ln1Bias, inProjWeight, inProjBias, outProjWeight, outProjBias;
    private final Parameter ln2Weight, ln2Bias, fcWeight, fcBias, projWeight, projBias;

    /**
     * @param prefix OpenCLIP name prefix, e.g. {@code visual.transformer.resblocks.0.}
     * @param layers depth of the enclosing transformer (scales the random init of the output projections)
     */
    ResidualAttentionBlock(ClipParameters params, String prefix, int width, int heads, int mlpWidth,
                           boolean quickGelu, int layers, Autocast autocast) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        this.quickGelu = quickGelu;
        this.autocast = autocast;
        // OpenCLIP's init_parameters: attn std W^-0.5, output projections W^-0.5·(2L)^-0.5, MLP input (2W)^-0.5
        double attnStd = Math.pow(width, -0.5);
        double projStd = attnStd * Math.pow(2.0 * layers, -0.5);
        double fcStd = Math.pow(2.0 * width, -0.5);
        ln1Weight = addParameter(params.ones(prefix + "ln_1.weight", Parameter.Type.GAMMA, width));
        ln1Bias = addParameter(params.zeros(prefix + "ln_1.bias", Parameter.Type.BETA, width));
        inProjWeight = addParameter(params.normal(prefix + "attn.in_proj_weight", attnStd, 3L * width, width));
        inProjBias = addParameter(params.zeros(prefix + "attn.in_proj_bias", Parameter.Type.BIAS, 3L * width));
        outProjWeight = addParameter(params.normal(prefix + "attn.out_proj.weight", projStd, width, width));
        outProjBias = addParameter(params.zeros(prefix + "attn.out_proj.bias", Parameter.Type.BIAS, width));
        ln2Weight = addParameter(params.ones(prefix + "ln_2.weight", Parameter.Type.GAMMA, width));
        ln2Bias = addParameter(params.zeros(prefix + "ln_2.bias", Parameter.Type.BETA, width));
        fcWeight = addParameter(params.normal(prefix + "mlp.c_fc.weight", fcStd, mlpWidth, width));
        fcBias = addParameter(params.zeros(prefix + "mlp.c_fc.bias", Parameter.Type.BIAS, mlpWidth));
        projWeight = addParameter(params.normal(prefix + "mlp.c_proj.weight", projStd, width, mlpWidth));
        projBias = addParameter(params.zeros(prefix + "mlp.c_proj.bias", Parameter.Type.BIAS, width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(forward(ps, inputs.head(), mask, training));
    }

    /** @param mask additive attention mask [T, T] (e.g. causal −inf above the diagonal) or null */
    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        // Every intermediate of the block lands in a scope closed on return (results live in their first operand's
        // manager, and x is attached there for the block's duration): autograd keeps its own references to what
        // backward needs, so the rest (scores, masked scores, reshaped copies, sums) is freed now instead of at the
        // end of the whole step. That is most of a training step's peak memory after the saved activations.
        NDManager caller = x.getManager();
        try (NDManager scope = caller.newSubManager()) {
            x.tempAttach(scope);
            NDArray h = layerNorm(ps, x, ln1Weight, ln1Bias, training);
            // attention and mlp return the compute type; float32 x + bfloat16 is float32 (type promotion)
            NDArray y = x.add(attention(ps, h, mask, training));
            h = layerNorm(ps, y, ln2Weight, ln2Bias, training);
            NDArray out = y.add(mlp(ps, h, training));
            out.attach(caller);
            return out;
        }
    }

    private NDArray attention(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        long headWidth = width / heads;
        NDArray qkv = autocast.linear(x, value(ps, inProjWeight, x, training), value(ps, inProjBias, x, training));
        NDList parts = qkv.split(3, 2);
        NDArray q = splitHeads(parts.get(0), batch, tokens, headWidth);
        NDArray k = splitHeads(parts.get(1), batch, tokens, headWidth);
        NDArray v = splitHeads(parts.get(2), batch, tokens, headWidth);
        NDArray scores = autocast.toFloat(
                Scalars.dividedBy(autocast.matMul(q, k.transpose(0, 1, 3, 2)), (float) Math.sqrt(headWidth)));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray context = autocast.matMul(scores.softmax(-1), v)
                .transpose(0, 2, 1, 3)
                .reshape(batch, tokens, width);
        return autocast.linear(context, value(ps, outProjWeight, x, training), value(ps, outProjBias, x, training));
    }

    private NDArray splitHeads(NDArray t, long batch, long tokens, long headWidth) {
        return t.reshape(batch, tokens, heads, headWidth).transpose(0, 2, 1, 3);
    }

    private NDArray mlp(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = autocast.linear(x, value(ps, fcWeight, x, training), value(ps, fcBias, x, training));
        h = quickGelu ? h.mul(Activation.sigmoid(Scalars.times(h, 1.702f))) : Activation.gelu(h);
        return autocast.linear(h, value(ps, projWeight, x, training), value(ps, projBias, x, training));
    }

    static NDArray layerNorm(ParameterStore ps, NDArray x, Parameter weight, Parameter bias, boolean training) {
        NDArray gamma = value(ps, weight, x, training);
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, value(ps, bias, x, training),
                LAYER_NORM_EPS).head();
    }

    static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
