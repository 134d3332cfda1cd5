package org.alor.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caption–name matching rule of ALOR.md §6.2, kept small and obviously correct: normalise
 * (lower-case, drop {@code "} and {@code '}, {@code -}/{@code _} become spaces), split into whole
 * tokens (runs of letters and digits, as SQLite FTS5's unicode61 tokenizer does), and match when
 * the name's tokens appear adjacent and in order in the caption's tokens.
 */
public final class CaptionMatcher {
    private CaptionMatcher() {
    }

    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '"' || c == '\'') continue;
            sb.append(c == '-' || c == '_' ? ' ' : c);
        }
        return sb.toString();
    }

    public static List<String> tokens(String text) {
        String n = normalise(text);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= n.length(); ) {
            int cp = i < n.length() ? n.codePointAt(i) : ' ';
            boolean word = i < n.length() && Character.isLetterOrDigit(cp);
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                out.add(n.substring(start, i));
                start = -1;
            }
            i += i < n.length() ? Character.charCount(cp) : 1;
        }
        return out;
    }

    /** Whether {@code name}'s tokens occur adjacent and in order among {@code caption}'s tokens. */
    public static boolean matches(String caption, String name) {
        return containsPhrase(tokens(caption), tokens(name));
    }

    public static boolean containsPhrase(List<String> haystack, List<String> phrase) {
        if (phrase.isEmpty()) return false;
        outer:
        for (int i = 0; i + phrase.size() <= haystack.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!haystack.get(i + j).equals(phrase.get(j))) continue outer;
            }
            return true;
        }
        return false;
    }
}
