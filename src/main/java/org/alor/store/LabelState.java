package org.alor.store;

import java.time.Instant;

/**
 * The current label of a sample: its latest effective non-undo event. Samples without one are unlabeled
 * and have no state.
 *
 * @param kind    {@link LabelKind#LABEL}, {@link LabelKind#UNSURE} or {@link LabelKind#SKIP}
 * @param classId the class, only when {@code kind == LABEL}
 * @param eventId the event this state comes from
 */
public record LabelState(long sampleId, LabelKind kind, Integer classId, long eventId, String who, Integer round,
                         Instant at) {
    public boolean isLabeled() {
        return kind == LabelKind.LABEL;
    }
}
