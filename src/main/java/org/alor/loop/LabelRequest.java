package org.alor.loop;

import org.alor.store.Prediction;

/**
 * One image the engine wants labeled.
 *
 * @param rank        position in the round's selection (0 = first pick)
 * @param servedClass the class the strategy picked it for, or null
 * @param reason      why it was picked (shown to the person), or null
 * @param prediction  the round model's top-k guess for it, or null when unknown
 */
public record LabelRequest(long sampleId, int rank, Integer servedClass, String reason, Prediction prediction) {
}
