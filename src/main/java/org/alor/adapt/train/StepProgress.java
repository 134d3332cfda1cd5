package org.alor.adapt.train;

/**
 * Progress after one optimiser step.
 *
 * @param epoch           0-based epoch
 * @param epochs          number of epochs of the run
 * @param step            0-based step within the epoch
 * @param stepsPerEpoch   steps per epoch
 * @param loss            mean loss of this batch
 * @param learningRate    learning rate of the first parameter group at this step
 * @param imagesPerSecond training throughput of the current epoch so far
 * @param etaSeconds      estimated seconds until the run ends (training and evaluation)
 * @param microBatches    how many micro-batches the batch was split into
 */
public record StepProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double learningRate,
                           double imagesPerSecond, double etaSeconds, int microBatches) {
}
