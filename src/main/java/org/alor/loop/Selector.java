package org.alor.loop;

import java.util.List;

/**
 * A selection strategy as the engine sees it (docs/method.md §4). The strategies themselves live in
 * {@code org.alor.select}; {@link Selectors} adapts them to this interface.
 */
@FunctionalInterface
public interface Selector {
    /** Up to {@code input.budget()} distinct pool indices, in pick order. */
    List<PickedItem> select(SelectorInput input);
}
