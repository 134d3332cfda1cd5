package org.alor.select;

import java.util.EnumSet;
import java.util.Set;

/**
 * An active-learning selection strategy. Implementations are deterministic for a given input (seed and round
 * included), never modify the input arrays, and return exactly min(budget, pool size) distinct pool indices.
 */
public interface SelectionStrategy {

    /** Registry name, e.g. "tfs". */
    String name();

    /** Inputs beyond probabilities and class counts that this strategy cannot work without. */
    default Set<SelectionInput.Requirement> requirements() {
        return EnumSet.noneOf(SelectionInput.Requirement.class);
    }

    /**
     * Selects pool items.
     *
     * @throws MissingInputException when {@link #requirements()} are not met by {@code in}
     */
    Selection select(SelectionInput in);
}
