package org.alor.select;

/**
 * One selected pool item with the explanation the UI shows.
 *
 * @param poolIndex   index into the pool arrays of the {@link SelectionInput}
 * @param reason      human-readable why, e.g. "tail class 7 — count 3 at pick time; entropy 2.71"
 * @param servedClass the class this pick was made for (TFS, PCB), or null when the strategy is class-agnostic
 * @param score       the strategy's own number for this pick (entropy, distance, D², …); see the strategy's doc
 */
public record Pick(int poolIndex, String reason, Integer servedClass, double score) {
}
