package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The CLIP ViT image encoder: bias-free patch convolution, class token, positional embedding, ln_pre,
 * transformer, ln_post on the class token, then {@code @ proj}. Input NDList(pixels [B, 3, S, S], normalised);
 * output NDList(image embeddings [B, embedDim], not normalised).
 */
public final class VisionTower extends AbstractBlock {
    private final ClipConfig config;
    private final Parameter conv1, classEmbedding, positionalEmbedding, lnPreWeight, lnPreBias;
    private final Parameter lnPostWeight, lnPostBias, proj;
    private final TransformerStack transformer;
    private final Autocast autocast;

    VisionTower(ClipParameters params, ClipConfig config, Autocast autocast) {
        this.config = config;
        this.autocast = autocast;
        int w = config.visionWidth();
        int p = config.patchSize();
        if (config.imageSize() % p != 0) {
            throw new IllegalArgumentException("image size " + config.imageSize()
                    + " is not a multiple of the patch size " + p);
        }
        double scale = Math.pow(w, -0.5);
        long tokens = (long) config.gridSize() * config.gridSize() + 1;
        conv1 = addParameter(params.normal("visual.conv1.weight", Math.pow(3.0 * p * p, -0.5), w, 3, p, p));
        classEmbedding = addParameter(params.normal("visual.class_embedding", scale, w));
        positionalEmbedding = addParameter(params.normal("visual.positional_embedding", scale, tokens, w));
        lnPreWeight = addParameter(params.ones("visual.ln_pre.weight", Parameter.Type.GAMMA, w));
        lnPreBias = addParameter(params.zeros("visual.ln_pre.bias", Parameter.Type.BETA, w));
        transformer = addChildBlock("transformer", new TransformerStack(params, "visual.transformer.", w,
                config.visionHeads(), config.visionMlpWidth(), config.quickGelu(), config.visionLayers(), autocast));
        lnPostWeight = addParameter(params.ones("visual.ln_post.weight", Parameter.Type.GAMMA, w));
        lnPostBias = addParameter(params.zeros("visual.ln_post.bias", Parameter.Type.BETA, w));
        proj = addParameter(params.normal("visual.proj", scale, w, config.embedDim()));
    }

    /** @param pixels [B, 3, S, S] float32, already normalised with the CLIP mean/std */
    public NDArray forward(ParameterStore ps, NDArray pixels, boolean training) {
        Shape shape = pixels.getShape();
        int s = config.imageSize();
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != s || shape.get(3) != s) {
            throw new IllegalArgumentException("pixel batch must be [B, 3, " + s + ", " + s + "], got " + shape);
        }
        long batch = shape.get(0);
        int w = config.visionWidth();
        long p = config.patchSize();
        NDArray patches = autocast.toFloat(autocast.patchConv(pixels, value(ps, conv1, pixels, training), p));
        patches = patches.reshape(batch, w, -1).transpose(0, 2, 1);
        // ones [B,1,1] · class_embedding keeps the result on the batch's manager and differentiable
        NDArray cls = patches.getManager().ones(new Shape(batch, 1, 1)).mul(value(ps, classEmbedding, pixels, training));
        NDArray x = NDArrays.concat(new NDList(cls, patches), 1).add(value(ps, positionalEmbedding, pixels, training));
        x = ResidualAttentionBlock.layerNorm(ps, x, lnPreWeight, lnPreBias, training);
        x = transformer.forward(ps, x, null, training);
        NDArray pooled = ResidualAttentionBlock.layerNorm(ps, x.get(":, 0, :"), lnPostWeight, lnPostBias, training);
        return autocast.toFloat(autocast.matMul(pooled, value(ps, proj, pixels, training)));
    }

    private static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ResidualAttentionBlock.value(ps, p, like, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dataType, Shape... inputShapes) {
        long tokens = (long) config.gridSize() * config.gridSize() + 1;
        transformer.initialize(m, dataType, new Shape(inputShapes[0].get(0), tokens, config.visionWidth()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.embedDim())};
    }
}
