package org.alor.select;

import java.util.PriorityQueue;

/** The k smallest values' indices in ascending order (ties → lower index) without sorting everything. */
final class TopK {
    private TopK() {
    }

    static int[] smallest(double[] values, int k) {
        int n = values.length;
        if (k <= 0) {
            return new int[0];
        }
        if ((long) k * 8 >= n) {
            int[] all = Ranking.ascending(values);
            return java.util.Arrays.copyOf(all, k);
        }
        // Max-heap on (value, index) holding the best k so far; the root is the worst of them.
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> {
            int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < n; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else {
                int worst = heap.peek();
                int c = Double.compare(values[i], values[worst]);
                if (c < 0) { // equal values: the earlier (lower) index already in the heap wins
                    heap.poll();
                    heap.add(i);
                }
            }
        }
        int[] chosen = heap.stream().mapToInt(Integer::intValue).toArray();
        return Ranking.ascending(values, chosen);
    }
}
