package org.alor.retrieval;

import java.util.HashMap;
import java.util.Map;

/**
 * Token string → id for the tokens of all synonyms. Built from a {@link HashMap}; lookups take a char range of a
 * reused buffer (open addressing, no String per caption token), which keeps the caption scan allocation-free.
 */
final class TokenVocabulary {
    static final int UNKNOWN = -1;
    private final Map<String, Integer> ids = new HashMap<>();
    private char[][] keys = new char[0][];
    private int[] values = new int[0];
    private int mask;

    int idOf(String token) {
        Integer id = ids.get(token);
        if (id != null) return id;
        int next = ids.size();
        ids.put(token, next);
        return next;
    }

    int size() {
        return ids.size();
    }

    /** Freezes the vocabulary into the lookup table; call after the last {@link #idOf}. */
    void compile() {
        int cap = Integer.highestOneBit(Math.max(4, ids.size() * 2 + 1)) << 1;
        keys = new char[cap][];
        values = new int[cap];
        mask = cap - 1;
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            char[] k = e.getKey().toCharArray();
            int slot = hash(k, k.length) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k;
            values[slot] = e.getValue();
        }
    }

    int lookup(char[] buf, int len) {
        int slot = hash(buf, len) & mask;
        char[] k;
        while ((k = keys[slot]) != null) {
            if (k.length == len && same(k, buf, len)) return values[slot];
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private static boolean same(char[] a, char[] b, int len) {
        for (int i = 0; i < len; i++) if (a[i] != b[i]) return false;
        return true;
    }

    private static int hash(char[] buf, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) h = 31 * h + buf[i];
        return h ^ (h >>> 16);
    }
}
