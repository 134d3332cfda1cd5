package org.alor.store;

/**
 * One sample picked by a strategy in a round.
 *
 * @param rank           0-based order of the pick
 * @param pickedForClass the (predicted) class it was picked for, e.g. by TFS; null if none
 * @param score          the strategy's score, null if none
 * @param reason         short human-readable reason, null if none
 */
public record Selection(long sampleId, int rank, Integer pickedForClass, Double score, String reason) {
}
