package org.alor.clip;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BPE merge loop of CLIP's SimpleTokenizer on token ids: a word starts as its byte characters
 * (the last one in its {@code </w>} form); the adjacent pair with the lowest merge rank is merged
 * everywhere, left to right, until no ranked pair remains. Results are cached per word.
 */
final class BytePairEncoder {
    private static final int CACHE_LIMIT = 200_000;
    private static final String END_OF_WORD = "</w>";

    private final Map<String, Integer> vocab;
    /** (left id, right id) → (rank, merged id), both packed into longs. */
    private final Map<Long, Long> merges;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /**
     * @param vocab  token string → id
     * @param merges merge pairs in rank order (rank = list index)
     * @throws IllegalArgumentException if a merge names a piece or a result missing from the vocabulary
     */
    BytePairEncoder(Map<String, Integer> vocab, List<String[]> merges) {
        this.vocab = vocab;
        this.merges = new HashMap<>(merges.size() * 2);
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] m = merges.get(rank);
            Integer left = vocab.get(m[0]);
            Integer right = vocab.get(m[1]);
            Integer merged = vocab.get(m[0] + m[1]);
            if (left == null || right == null || merged == null) {
                throw new IllegalArgumentException("merge " + (rank + 1) + " '" + m[0] + " " + m[1]
                        + "' uses or produces a token missing from the vocabulary");
            }
            // a repeated pair takes its last rank, as Python's dict(zip(merges, ranks)) does
            this.merges.put(pairKey(left, right), ((long) rank << 32) | merged);
        }
    }

    /** The ids of one pre-tokenized word, given as byte-table characters. */
    int[] encodeWord(String byteChars) {
        int[] cached = cache.get(byteChars);
        if (cached != null) return cached;
        int[] ids = merge(initialSymbols(byteChars));
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(byteChars, ids);
        return ids;
    }

    private int[] initialSymbols(String word) {
        int n = word.length();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            String piece = i == n - 1 ? word.charAt(i) + END_OF_WORD : String.valueOf(word.charAt(i));
            Integer id = vocab.get(piece);
            if (id == null) {
                throw new IllegalStateException("the vocabulary has no token for byte character '" + piece + "'");
            }
            ids[i] = id;
        }
        return ids;
    }

    private int[] merge(int[] word) {
        int len = word.length;
        while (len > 1) {
            long best = Long.MAX_VALUE;
            int bestAt = -1;
            for (int i = 0; i + 1 < len; i++) {
                Long m = merges.get(pairKey(word[i], word[i + 1]));
                if (m != null && m < best) { best = m; bestAt = i; }
            }
            if (bestAt < 0) break;
            int mergedId = (int) best;
            int first = word[bestAt];
            int second = word[bestAt + 1];
            int out = 0;
            for (int i = 0; i < len; ) {
                if (i + 1 < len && word[i] == first && word[i + 1] == second) {
                    word[out++] = mergedId;
                    i += 2;
                } else {
                    word[out++] = word[i++];
                }
            }
            len = out;
        }
        return Arrays.copyOf(word, len);
    }

    private static long pairKey(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }
}
