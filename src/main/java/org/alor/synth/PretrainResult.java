package org.alor.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished pretraining run.
 *
 * @param checkpoint     the checkpoint folder that was written
 * @param epochLosses    mean contrastive loss of each epoch
 * @param epochSeconds   wall time of each epoch
 * @param firstStepLoss  loss of the very first batch (before any update; ≈ ln(batch) at random init)
 * @param pairs          pairs trained on
 * @param problems       corpus warnings (skipped members)
 * @param logitScale     final learnt log temperature
 * @param totalSeconds   corpus loading + training + saving
 */
public record PretrainResult(Path checkpoint, List<Double> epochLosses, List<Double> epochSeconds,
                             double firstStepLoss, int pairs, int problems, double logitScale, double totalSeconds) {
}
