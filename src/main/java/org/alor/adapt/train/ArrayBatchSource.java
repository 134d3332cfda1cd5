package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * In-memory examples as feature rows and class labels (e.g. cached image embeddings for linear
 * probing). A batch is {@code NDList(features float32 [b, d], labels int64 [b])}.
 */
public final class ArrayBatchSource implements BatchSource<NDList> {
    private final float[][] features;
    private final long[] labels;
    private final int dimension;

    public ArrayBatchSource(float[][] features, int[] labels) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        this.dimension = features.length == 0 ? 0 : features[0].length;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != dimension) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, expected " + dimension);
            }
        }
        this.features = features;
        this.labels = new long[labels.length];
        for (int i = 0; i < labels.length; i++) this.labels[i] = labels[i];
    }

    @Override
    public int size() {
        return features.length;
    }

    @Override
    public NDList load(NDManager manager, BatchRequest request) {
        int[] idx = request.indices();
        float[] x = new float[idx.length * dimension];
        long[] y = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(features[idx[i]], 0, x, i * dimension, dimension);
            y[i] = labels[idx[i]];
        }
        NDArray xs = manager.create(x, new ai.djl.ndarray.types.Shape(idx.length, dimension));
        NDArray ys = manager.create(y);
        return new NDList(xs, ys);
    }
}
