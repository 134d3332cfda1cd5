package org.alor.retrieval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The caption and name normalisation of docs/method.md §6.2, and the word tokens it yields.
 *
 * <ol>
 *   <li>Unicode NFC (so "é" typed as e + combining accent equals the precomposed "é");</li>
 *   <li>each code point is lower-cased on its own ({@link Character#toLowerCase(int)}, locale-independent);</li>
 *   <li>{@code "} and {@code '} (U+0022, U+0027) are dropped <em>without</em> splitting: "Ross's" → "rosss";</li>
 *   <li>a token is a maximal run of letters, digits and combining marks; every other code point ({@code -},
 *       {@code _}, spaces, punctuation, symbols, emoji) separates tokens.</li>
 * </ol>
 * A name matches a caption when the name's tokens occur adjacent and in order in the caption's tokens
 * (so "Swallow" does not match "swallowtail", "Black-capped Chickadee" matches "black capped chickadee").
 */
public final class CaptionTokenizer {
    private CaptionTokenizer() {
    }

    /** Receives tokens one at a time as a char range of a reused buffer. */
    public interface TokenSink {
        void token(char[] buf, int len);
    }

    /** NFC unless the text is plain ASCII or already NFC (the common, cheap case). */
    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** The normalised tokens of a text. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        forEachToken(text, new char[64], (buf, len) -> out.add(new String(buf, 0, len)));
        return out;
    }

    /** The normalised text: tokens joined by single spaces. */
    public static String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    /**
     * Whether {@code name}'s tokens occur adjacent and in order among {@code text}'s tokens: the rule
     * {@link CaptionMatcher} applies to every caption and synonym, for one pair. A name without tokens matches nothing.
     */
    public static boolean mentions(String text, String name) {
        String phrase = normalize(name);
        return !phrase.isEmpty() && (" " + normalize(text) + " ").contains(" " + phrase + " ");
    }

    /**
     * Tokenises without allocating per token. {@code scratch} is grown as needed; pass a reused buffer.
     *
     * @return the (possibly grown) buffer, to be reused for the next call
     */
    public static char[] forEachToken(String text, char[] scratch, TokenSink sink) {
        String s = nfc(text);
        char[] buf = scratch;
        int len = 0;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\'') continue;
            if (isWordChar(cp)) {
                int lower = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : Character.toLowerCase(cp);
                if (len + 2 > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                if (lower < 0x10000) {
                    buf[len++] = (char) lower;
                } else {
                    len += Character.toChars(lower, buf, len);
                }
            } else if (len > 0) {
                sink.token(buf, len);
                len = 0;
            }
        }
        if (len > 0) sink.token(buf, len);
        return buf;
    }

    static boolean isWordChar(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetterOrDigit(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }
}
