package org.alor.adapt.train;

import org.alor.clip.NoGradient;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A DJL Linear softmax classifier on a linearly separable 2-D problem, for trainer tests. */
final class TinyClassifier implements AutoCloseable {
    final NDManager manager = NDManager.newBaseManager();
    private final Linear linear;
    private final ParameterStore store;
    private final SoftmaxCrossEntropyLoss loss = new SoftmaxCrossEntropyLoss();

    TinyClassifier(int inputs, int classes, int initSeed) {
        Engine.getInstance().setRandomSeed(initSeed);
        linear = Linear.builder().setUnits(classes).build();
        linear.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        store = new ParameterStore(manager, false);
    }

    List<Parameter> parameters() {
        return new ArrayList<>(linear.getParameters().values());
    }

    ParameterGroup group(double lr, double wd) {
        return new ParameterGroup("linear", parameters(), lr, wd);
    }

    NDArray logits(NDArray x) {
        return linear.forward(store, new NDList(x), true).singletonOrThrow();
    }

    /** Mean softmax cross-entropy of a batch NDList(x, y). */
    TrainStep<NDList> crossEntropy() {
        return (m, batch, collector) -> loss.evaluate(new NDList(batch.get(1)), new NDList(logits(batch.get(0))));
    }

    double accuracy(float[][] x, int[] y) {
        try (NDManager m = manager.newSubManager()) {
            NDArray xs = m.create(flatten(x), new Shape(x.length, x[0].length));
            long[] predicted = logits(xs).argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < y.length; i++) if (predicted[i] == y[i]) correct++;
            return (double) correct / y.length;
        }
    }

    float[] flatParameters() {
        List<Float> all = new ArrayList<>();
        for (Parameter p : parameters()) for (float v : p.getArray().toFloatArray()) all.add(v);
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    void copyFrom(TinyClassifier other) {
        List<Parameter> mine = parameters();
        List<Parameter> theirs = other.parameters();
        // in-place writes to leaves need autograd off, which is per thread in PyTorch (on by default on some threads)
        try (NoGradient ignored = NoGradient.enter()) {
            for (int i = 0; i < mine.size(); i++) {
                mine.get(i).getArray().set(new ai.djl.ndarray.index.NDIndex("..."), theirs.get(i).getArray());
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    static float[] flatten(float[][] x) {
        float[] flat = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        return flat;
    }

    /** Points in [-1,1]² labelled by the side of the line x0 + 0.5·x1 = 0.1, with a 0.1 margin. */
    static final class Problem {
        final float[][] x;
        final int[] y;

        Problem(int n, long seed) {
            Random random = new Random(seed);
            x = new float[n][];
            y = new int[n];
            int i = 0;
            while (i < n) {
                float a = random.nextFloat() * 2 - 1;
                float b = random.nextFloat() * 2 - 1;
                double side = a + 0.5 * b - 0.1;
                if (Math.abs(side) < 0.1) continue;
                x[i] = new float[] {a, b};
                y[i] = side > 0 ? 1 : 0;
                i++;
            }
        }

        ArrayBatchSource source() {
            return new ArrayBatchSource(x, y);
        }
    }
}
