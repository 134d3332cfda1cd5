package org.alor.loop;

/**
 * One pick of a strategy.
 *
 * @param poolIndex   index into {@link SelectorInput#poolProbs()}
 * @param servedClass the class the pick was made for (e.g. TFS's tail class), or null
 * @param score       the strategy's score, or null
 * @param reason      a short human-readable reason, or null
 */
public record PickedItem(int poolIndex, Integer servedClass, Double score, String reason) {
}
