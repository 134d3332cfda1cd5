package org.alor.adapt.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AdamW and SGD against independent double-precision re-computations of the PyTorch formulas. */
class OptimizerFormulaTest {
    private static final float[] W0 = {0.5f, -1.2f, 2.0f, -0.75f};
    private static final float[] U0 = {1.5f, -0.3f};
    private static final float[][] W_GRADS = {{0.1f, -0.3f, 0.7f, 0.02f}, {-0.2f, 0.05f, 0.4f, -1.1f}, {0.3f, 0.3f, -0.9f, 0.6f}};
    private static final float[][] U_GRADS = {{-0.5f, 0.25f}, {0.8f, -0.1f}, {0.05f, 0.9f}};
    /** Learning rates per step for group 0 and 1, as a schedule would hand them out. */
    private static final double[][] RATES = {{1e-2, 3e-2}, {2e-2, 1e-2}, {5e-3, 4e-2}};
    private static final double WD_W = 0.01;
    private static final double WD_U = 0.1;

    private NDManager manager;
    private Parameter w;
    private Parameter u;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        w = parameter("w", W0);
        u = parameter("u", U0);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Parameter parameter(String name, float[] values) {
        NDArray array = manager.create(values);
        array.setRequiresGradient(true);
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
    }

    private List<ParameterGroup> groups() {
        return List.of(new ParameterGroup("w", List.of(w), 1.0, WD_W), new ParameterGroup("u", List.of(u), 1.0, WD_U));
    }

    /** Produces exactly the given gradients through real autograd: d/dp Σ p·c = c. */
    private void backward(float[] gw, float[] gu) {
        try (NDManager step = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // the constants come first so every intermediate lands in the step manager
            NDArray loss = step.create(gw).mul(w.getArray()).sum().add(step.create(gu).mul(u.getArray()).sum());
            collector.backward(loss);
        }
    }

    private void train(ParameterOptimizer optimizer, int steps) {
        for (int t = 0; t < steps; t++) {
            backward(W_GRADS[t], U_GRADS[t]);
            optimizer.step(RATES[t]);
            optimizer.zeroGradients();
        }
    }

    // ---- independent references -------------------------------------------------------------

    private static double[] adamWReference(float[] p0, float[][] grads, int group, double wd, int steps) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] p = toDouble(p0), m = new double[p.length], v = new double[p.length];
        for (int t = 1; t <= steps; t++) {
            double lr = RATES[t - 1][group];
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i];
                p[i] -= lr * wd * p[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        return p;
    }

    private static double[] sgdReference(float[] p0, float[][] grads, int group, double wd, int steps) {
        double momentum = 0.9;
        double[] p = toDouble(p0), buf = null;
        for (int t = 0; t < steps; t++) {
            double lr = RATES[t][group];
            double[] d = new double[p.length];
            for (int i = 0; i < p.length; i++) d[i] = grads[t][i] + wd * p[i];
            if (buf == null) {
                buf = d;
            } else {
                for (int i = 0; i < p.length; i++) buf[i] = momentum * buf[i] + d[i];
            }
            for (int i = 0; i < p.length; i++) p[i] -= lr * buf[i];
        }
        return p;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            double tolerance = 1e-6 * Math.abs(expected[i]);
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void adamWOneStepMatchesPyTorchFormula() {
        try (AdamW adamW = new AdamW(groups())) {
            train(adamW, 1);
            assertClose(w.getArray().toFloatArray(), adamWReference(W0, W_GRADS, 0, WD_W, 1));
            assertClose(u.getArray().toFloatArray(), adamWReference(U0, U_GRADS, 1, WD_U, 1));
        }
    }

    @Test
    void adamWThreeStepsMatchPyTorchFormulaPerGroup() {
        try (AdamW adamW = new AdamW(groups())) {
            train(adamW, 3);
            assertThat(adamW.stepCount()).isEqualTo(3);
            assertClose(w.getArray().toFloatArray(), adamWReference(W0, W_GRADS, 0, WD_W, 3));
            assertClose(u.getArray().toFloatArray(), adamWReference(U0, U_GRADS, 1, WD_U, 3));
        }
    }

    @Test
    void adamWWeightDecayIsDecoupledFromTheGradient() {
        // With a zero gradient, L2-coupled Adam would move p by ≈ lr (normalised wd·p); AdamW by lr·wd·p.
        try (AdamW adamW = new AdamW(List.of(new ParameterGroup("w", List.of(w), 1.0, 0.5)))) {
            backward(new float[4], new float[2]);
            adamW.step(new double[] {0.1});
            float[] p = w.getArray().toFloatArray();
            for (int i = 0; i < p.length; i++) assertThat((double) p[i]).isCloseTo(W0[i] * (1 - 0.1 * 0.5), org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @Test
    void sgdOneAndThreeStepsMatchPyTorchFormula() {
        try (SgdMomentum sgd = new SgdMomentum(groups())) {
            train(sgd, 1);
            assertClose(w.getArray().toFloatArray(), sgdReference(W0, W_GRADS, 0, WD_W, 1));
            assertClose(u.getArray().toFloatArray(), sgdReference(U0, U_GRADS, 1, WD_U, 1));
        }
        tearDown();
        setUp();
        try (SgdMomentum sgd = new SgdMomentum(groups())) {
            train(sgd, 3);
            assertClose(w.getArray().toFloatArray(), sgdReference(W0, W_GRADS, 0, WD_W, 3));
            assertClose(u.getArray().toFloatArray(), sgdReference(U0, U_GRADS, 1, WD_U, 3));
        }
    }

    @Test
    void stepsLeakNoArraysAndStateLivesInTheOptimisersManager() {
        try (AdamW adamW = new AdamW(groups())) {
            backward(W_GRADS[0], U_GRADS[0]);
            int before = manager.getManagedArrays().size();
            adamW.step(RATES[0]);
            adamW.zeroGradients();
            assertThat(adamW.stateManager.getManagedArrays()).hasSize(4); // m and v of two parameters
            train(adamW, 2);
            assertThat(adamW.stateManager.getManagedArrays()).hasSize(4);
            assertThat(manager.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void zeroGradientsClearsAccumulatedGradients() {
        try (SgdMomentum sgd = new SgdMomentum(groups())) {
            backward(W_GRADS[0], U_GRADS[0]);
            backward(W_GRADS[0], U_GRADS[0]);
            try (NDManager probe = manager.newSubManager()) {
                NDArray g = w.getArray().getGradient();
                g.attach(probe);
                assertThat(g.toFloatArray()[2]).isEqualTo(2 * W_GRADS[0][2]);
            }
            sgd.zeroGradients();
            try (NDManager probe = manager.newSubManager()) {
                NDArray g = w.getArray().getGradient();
                g.attach(probe);
                for (float x : g.toFloatArray()) assertThat(Math.abs(x)).isEqualTo(0f);
            }
        }
    }

    @Test
    void frozenParametersAreSkippedAndDuplicatesRejected() {
        u.freeze(true);
        try (AdamW adamW = new AdamW(groups())) {
            train(adamW, 1);
            assertThat(u.getArray().toFloatArray()).containsExactly(U0);
        }
        assertThatThrownBy(() -> new AdamW(List.of(new ParameterGroup("a", List.of(w), 1, 0),
                new ParameterGroup("b", List.of(w), 1, 0)))).hasMessageContaining("more than one group");
    }
}
