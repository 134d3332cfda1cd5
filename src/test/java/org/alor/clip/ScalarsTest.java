package org.alor.clip;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarsTest {

    @Test
    void gradientsThroughAScalarFactorSurviveGarbageCollectionsBeforeBackward() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1f, -2f, 3f});
            x.setRequiresGradient(true);
            for (int round = 0; round < 20; round++) {
                try (NDManager step = manager.newSubManager(); GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray times = Scalars.times(x, 1.702f);
                    times.attach(step);
                    NDArray scaled = Scalars.dividedBy(times, 4f);
                    scaled.attach(step);
                    NDArray loss = scaled.sum();
                    // the scalars' Java objects are gone; churn memory so that freed native buffers get reused
                    for (int i = 0; i < 5; i++) {
                        try (NDArray churn = step.create(new float[] {7f, 7f, 7f, 7f})) {
                            churn.add(1f);
                        }
                        System.gc();
                    }
                    collector.backward(loss);
                }
                assertThat(x.getGradient().toFloatArray()).containsOnly(1.702f / 4f);
                x.getGradient().subi(x.getGradient());
            }
        }
    }

    @Test
    void keepsTheOperandsTypeAndValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray d = manager.create(new double[] {2.0, 4.0});
            assertThat(Scalars.times(d, 0.5f).toDoubleArray()).containsExactly(1.0, 2.0);
            assertThat(Scalars.dividedBy(manager.create(new float[] {3f}), -2f).toFloatArray()).containsExactly(-1.5f);
        }
    }
}
