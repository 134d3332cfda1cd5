package org.alor.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests one caption against all synonyms of all classes at once (docs/method.md §6.2): captions and synonyms are tokenised
 * by {@link CaptionTokenizer}; a token-level Aho–Corasick automaton finds every synonym whose tokens occur adjacent
 * and in order. Immutable and thread-safe; each thread matches through its own {@link Session}.
 */
public final class CaptionMatcher {
    private static final int[] NONE = new int[0];
    private final List<SynonymRef> refs;
    private final List<String> warnings;
    private final TokenVocabulary vocabulary;
    private final TokenAutomaton automaton;
    private final int[][] patternRefs; // pattern id → synonym ref ids sharing that token sequence

    private CaptionMatcher(List<SynonymRef> refs, List<String> warnings, TokenVocabulary vocabulary,
                           TokenAutomaton automaton, int[][] patternRefs) {
        this.refs = refs;
        this.warnings = warnings;
        this.vocabulary = vocabulary;
        this.automaton = automaton;
        this.patternRefs = patternRefs;
    }

    public static CaptionMatcher build(List<ClassSynonyms> classes) {
        List<SynonymRef> refs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TokenVocabulary vocabulary = new TokenVocabulary();
        Map<String, Integer> patternOf = new LinkedHashMap<>();
        List<int[]> patterns = new ArrayList<>();
        List<List<Integer>> patternRefs = new ArrayList<>();
        for (ClassSynonyms c : classes) {
            for (String synonym : c.synonyms()) {
                List<String> tokens = CaptionTokenizer.tokens(synonym);
                if (tokens.isEmpty()) {
                    warnings.add("class " + c.classId() + ": synonym '" + synonym + "' has no word tokens; ignored");
                    continue;
                }
                int ref = refs.size();
                refs.add(new SynonymRef(c.classId(), synonym));
                String key = String.join(" ", tokens);
                Integer p = patternOf.get(key);
                if (p == null) {
                    p = patterns.size();
                    patternOf.put(key, p);
                    patterns.add(tokens.stream().mapToInt(vocabulary::idOf).toArray());
                    patternRefs.add(new ArrayList<>());
                }
                patternRefs.get(p).add(ref);
            }
        }
        vocabulary.compile();
        int[][] pr = new int[patternRefs.size()][];
        for (int i = 0; i < pr.length; i++) pr[i] = patternRefs.get(i).stream().mapToInt(Integer::intValue).toArray();
        return new CaptionMatcher(List.copyOf(refs), List.copyOf(warnings), vocabulary, TokenAutomaton.build(patterns), pr);
    }

    /** The (class, synonym) pairs searched for; match results are indices into this list. */
    public List<SynonymRef> refs() {
        return refs;
    }

    /** Synonyms that could not be searched (no word tokens). */
    public List<String> warnings() {
        return warnings;
    }

    public Session newSession() {
        return new Session();
    }

    /** Per-thread scratch state. */
    public final class Session {
        private char[] buf = new char[128];
        private final int[] seenStamp = new int[refs.size()];
        private int stamp;
        private int[] found = new int[8];
        private int nFound;
        private int state;

        /** Distinct synonym ref ids matched by the caption, ascending; an empty array when none. */
        public int[] match(String caption) {
            if (caption == null || caption.isEmpty() || refs.isEmpty()) return NONE;
            if (++stamp == 0) {
                Arrays.fill(seenStamp, 0);
                stamp = 1;
            }
            nFound = 0;
            state = TokenAutomaton.ROOT;
            buf = CaptionTokenizer.forEachToken(caption, buf, this::onToken);
            if (nFound == 0) return NONE;
            int[] out = Arrays.copyOf(found, nFound);
            Arrays.sort(out);
            return out;
        }

        private void onToken(char[] b, int len) {
            state = automaton.step(state, vocabulary.lookup(b, len));
            for (int pattern : automaton.outputs(state)) {
                for (int ref : patternRefs[pattern]) {
                    if (seenStamp[ref] == stamp) continue;
                    seenStamp[ref] = stamp;
                    if (nFound == found.length) found = Arrays.copyOf(found, nFound * 2);
                    found[nFound++] = ref;
                }
            }
        }
    }

    /** Class ids among matched refs, ascending and distinct. */
    public int[] classesOf(int[] matchedRefs) {
        if (matchedRefs.length == 0) return NONE;
        int[] ids = new int[matchedRefs.length];
        for (int i = 0; i < ids.length; i++) ids[i] = refs.get(matchedRefs[i]).classId();
        return Arrays.stream(ids).sorted().distinct().toArray();
    }
}
