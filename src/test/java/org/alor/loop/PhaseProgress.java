package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.Progress;

/** A {@link Progress} that only follows phases, written as a lambda: {@code (PhaseProgress) (phase, ...) -> ...}. */
@FunctionalInterface
interface PhaseProgress extends Progress {
    @Override
    void phase(Phase phase, long done, long total, String message);
}
