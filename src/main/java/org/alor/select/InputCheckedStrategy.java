package org.alor.select;

import java.util.EnumSet;
import java.util.Set;

/**
 * A strategy that needs inputs beyond probabilities and class counts: it names them once, and {@link #select}
 * refuses an input that lacks one before {@link #selectChecked} runs.
 */
abstract class InputCheckedStrategy implements SelectionStrategy {
    private final String name;
    private final Set<SelectionInput.Requirement> requirements;

    InputCheckedStrategy(String name, SelectionInput.Requirement first, SelectionInput.Requirement... rest) {
        this.name = name;
        this.requirements = EnumSet.of(first, rest);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<SelectionInput.Requirement> requirements() {
        return EnumSet.copyOf(requirements);
    }

    @Override
    public final Selection select(SelectionInput in) {
        in.require(name, requirements);
        return selectChecked(in);
    }

    /** Selects from an input that has every {@link #requirements() requirement}. */
    abstract Selection selectChecked(SelectionInput in);
}
