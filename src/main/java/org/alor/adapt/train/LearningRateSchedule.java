package org.alor.adapt.train;

/**
 * The learning rate of each optimiser iteration, per parameter group. Iterations are global and
 * 0-based: iteration {@code epoch · iterationsPerEpoch + stepInEpoch} is the iteration whose
 * optimiser step uses the returned rate.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param iteration        0-based global iteration index
     * @param baseLearningRate the group's base (peak) rate, {@link ParameterGroup#baseLearningRate()}
     * @return the absolute learning rate for that group at that iteration
     */
    double learningRate(long iteration, double baseLearningRate);

    /** The base rate at every iteration. */
    static LearningRateSchedule constant() {
        return (iteration, base) -> base;
    }

    /** The rate of every group of {@code optimizer} at {@code iteration}. */
    default double[] learningRates(long iteration, ParameterOptimizer optimizer) {
        double[] rates = new double[optimizer.groups().size()];
        for (int g = 0; g < rates.length; g++) {
            rates[g] = learningRate(iteration, optimizer.groups().get(g).baseLearningRate());
        }
        return rates;
    }
}
