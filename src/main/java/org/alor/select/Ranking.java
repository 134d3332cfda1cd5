package org.alor.select;

/** Stable orderings of indices by a score: ties keep the lower index first. */
final class Ranking {
    private Ranking() {
    }

    /** Indices 0..n-1 ordered by ascending value, ties → lower index. */
    static int[] ascending(double[] values) {
        int n = values.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Ascending order restricted to the given indices (which must be distinct), ties → lower index. */
    static int[] ascending(double[] values, int[] subset) {
        Integer[] idx = new Integer[subset.length];
        for (int i = 0; i < subset.length; i++) {
            idx[i] = subset[i];
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
