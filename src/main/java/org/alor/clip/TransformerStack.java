package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/** {@code layers} residual attention blocks in sequence, named {@code <prefix>resblocks.<i>.}. */
public final class TransformerStack extends AbstractBlock {
    private final List<ResidualAttentionBlock> blocks = new ArrayList<>();

    TransformerStack(ClipParameters params, String prefix, int width, int heads, int mlpWidth,
                     boolean quickGelu, int layers, Autocast autocast) {
        for (int i = 0; i < layers; i++) {
            blocks.add(addChildBlock("resblock" + i, new ResidualAttentionBlock(params,
                    prefix + "resblocks." + i + ".", width, heads, mlpWidth, quickGelu, layers, autocast)));
        }
    }

    NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        for (ResidualAttentionBlock block : blocks) {
            x = block.forward(ps, x, mask, training);
        }
        return x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(forward(ps, inputs.head(), mask, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dataType, Shape... inputShapes) {
        for (ResidualAttentionBlock block : blocks) {
            block.initialize(m, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
