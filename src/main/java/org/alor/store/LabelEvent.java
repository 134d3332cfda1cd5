package org.alor.store;

import java.time.Instant;

/**
 * One row of the append-only label log.
 *
 * @param id        increasing event id (later events have larger ids)
 * @param sampleId  the sample the event is about (for an undo: the sample of the reverted event)
 * @param kind      label, unsure, skip or undo
 * @param classId   the class given, only for {@link LabelKind#LABEL}
 * @param reverts   the event an {@link LabelKind#UNDO} cancels (an undo of an undo re-applies its target)
 * @param who       who acted ("oracle", a user name, ...)
 * @param round     the round the event belongs to, if any
 * @param at        wall-clock time of the event
 * @param effective false when a later, itself effective, undo cancels this event
 */
public record LabelEvent(long id, long sampleId, LabelKind kind, Integer classId, Long reverts,
                         String who, Integer round, Instant at, boolean effective) {
}
