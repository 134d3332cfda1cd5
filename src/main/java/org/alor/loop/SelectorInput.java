package org.alor.loop;

/**
 * Everything a strategy may use to pick from the unlabeled pool.
 *
 * @param poolProbs     N×C softmax probabilities of the round's model on the remaining pool
 * @param poolFeatures  N×D L2-normalised image embeddings of the remaining pool
 * @param classCounts   per class, the number of training samples of the round (retrieved included)
 * @param trainFeatures L2-normalised embeddings of the training set (retrieved ∪ labeled)
 * @param trainLabels   their labels
 * @param budget        how many to pick
 * @param seed          the run's seed
 * @param round         the round index (strategies draw a different random stream per round)
 * @param classifierWeights the round model's C×D linear head (logits = scale·W·normalise(f)), or null when the
 *                      method has none
 * @param logitScale    its scale
 */
public record SelectorInput(float[][] poolProbs, float[][] poolFeatures, int[] classCounts, float[][] trainFeatures,
                            int[] trainLabels, int budget, long seed, int round, float[][] classifierWeights,
                            float logitScale) {
}
