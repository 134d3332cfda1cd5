package org.alor.select;

import java.util.List;

/** The ordered picks of one selection: first pick first. */
public record Selection(String strategy, List<Pick> picks) {
    public Selection {
        picks = List.copyOf(picks);
    }

    /** Pool indices in pick order. */
    public int[] poolIndices() {
        return picks.stream().mapToInt(Pick::poolIndex).toArray();
    }

    public int size() {
        return picks.size();
    }
}
