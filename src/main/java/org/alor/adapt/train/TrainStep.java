package org.alor.adapt.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * The forward pass of one (micro-)batch: returns the MEAN loss over its examples as a scalar array.
 * The trainer scales it for gradient accumulation, calls {@code backward} on it and steps the
 * optimiser; the step must not do either itself.
 *
 * <p>Create intermediate arrays in {@code manager} (closed after the step). With
 * {@link TrainingConfig#scopeStepArrays()} on (the default), every array created on the trainer
 * thread during the step is closed afterwards anyway, so a model must not lazily cache arrays during
 * its forward pass.
 */
@FunctionalInterface
public interface TrainStep<B> {
    NDArray loss(NDManager manager, B batch, GradientCollector collector);
}
