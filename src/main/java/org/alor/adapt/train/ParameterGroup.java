package org.alor.adapt.train;

import ai.djl.nn.Parameter;

import java.util.List;

/**
 * A set of parameters that share a base learning rate and a weight decay (PyTorch's "param group").
 * docs/method.md §5 uses e.g. {image tower, text tower} at lr 1e-6 and {logit scale} at lr 1e-4, all with
 * weight decay 0.01. The schedule turns the base rate into the rate of each iteration.
 *
 * @param name               shown in logs and errors, e.g. "towers" or "temperature"
 * @param parameters         DJL parameters (initialised before the first optimiser step); frozen ones
 *                           ({@link Parameter#requiresGradient()} false when the optimiser is
 *                           built) are skipped
 * @param baseLearningRate   the group's base (peak) learning rate
 * @param weightDecay        the group's weight decay coefficient
 */
public record ParameterGroup(String name, List<Parameter> parameters, double baseLearningRate,
                             double weightDecay) {
    public ParameterGroup {
        parameters = List.copyOf(parameters);
        if (!(baseLearningRate >= 0)) {
            throw new IllegalArgumentException("group " + name + ": learning rate must be >= 0, got " + baseLearningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("group " + name + ": weight decay must be >= 0, got " + weightDecay);
        }
    }
}
