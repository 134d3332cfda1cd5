package org.alor.retrieval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Aho–Corasick automaton over token ids: finds every pattern (a token-id sequence) occurring as a contiguous run of
 * whole tokens, in one left-to-right pass. A token outside the vocabulary belongs to no pattern, so it resets the
 * automaton to the root.
 */
final class TokenAutomaton {
    private final int[][] edgeTokens;   // per state: sorted token ids of its goto edges
    private final int[][] edgeTargets;  // per state: target states, parallel to edgeTokens
    private final int[] fail;
    private final int[][] outputs;      // per state: pattern ids ending here, including via suffix links

    private TokenAutomaton(int[][] edgeTokens, int[][] edgeTargets, int[] fail, int[][] outputs) {
        this.edgeTokens = edgeTokens;
        this.edgeTargets = edgeTargets;
        this.fail = fail;
        this.outputs = outputs;
    }

    static final int ROOT = 0;

    /** @param patterns pattern id = index; each a non-empty token-id sequence */
    static TokenAutomaton build(List<int[]> patterns) {
        List<TreeMap<Integer, Integer>> gotos = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        gotos.add(new TreeMap<>());
        own.add(new ArrayList<>());
        for (int p = 0; p < patterns.size(); p++) {
            int s = ROOT;
            for (int token : patterns.get(p)) {
                Integer next = gotos.get(s).get(token);
                if (next == null) {
                    next = gotos.size();
                    gotos.add(new TreeMap<>());
                    own.add(new ArrayList<>());
                    gotos.get(s).put(token, next);
                }
                s = next;
            }
            own.get(s).add(p);
        }
        int n = gotos.size();
        int[][] tokens = new int[n][];
        int[][] targets = new int[n][];
        for (int s = 0; s < n; s++) {
            tokens[s] = gotos.get(s).keySet().stream().mapToInt(Integer::intValue).toArray();
            targets[s] = gotos.get(s).values().stream().mapToInt(Integer::intValue).toArray();
        }
        int[] fail = new int[n];
        int[][] outputs = new int[n][];
        outputs[ROOT] = new int[0];
        TokenAutomaton partial = new TokenAutomaton(tokens, targets, fail, outputs);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : targets[ROOT]) {
            fail[child] = ROOT;
            outputs[child] = own.get(child).stream().mapToInt(Integer::intValue).toArray();
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < tokens[s].length; i++) {
                int token = tokens[s][i];
                int child = targets[s][i];
                int f = fail[s];
                int g;
                while ((g = partial.edge(f, token)) < 0 && f != ROOT) f = fail[f];
                fail[child] = g >= 0 && g != child ? g : ROOT;
                int[] mine = own.get(child).stream().mapToInt(Integer::intValue).toArray();
                int[] inherited = outputs[fail[child]];
                int[] all = Arrays.copyOf(mine, mine.length + inherited.length);
                System.arraycopy(inherited, 0, all, mine.length, inherited.length);
                outputs[child] = all;
                queue.add(child);
            }
        }
        return partial;
    }

    private int edge(int state, int token) {
        int i = Arrays.binarySearch(edgeTokens[state], token);
        return i >= 0 ? edgeTargets[state][i] : -1;
    }

    /** The state after reading {@code token} in {@code state}; {@link TokenVocabulary#UNKNOWN} resets. */
    int step(int state, int token) {
        if (token < 0) return ROOT;
        int s = state;
        while (true) {
            int g = edge(s, token);
            if (g >= 0) return g;
            if (s == ROOT) return ROOT;
            s = fail[s];
        }
    }

    /** Pattern ids that end at {@code state} (shared array: do not modify). */
    int[] outputs(int state) {
        return outputs[state];
    }

    int states() {
        return fail.length;
    }
}
