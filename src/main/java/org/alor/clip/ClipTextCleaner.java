package org.alor.clip;

import java.text.Normalizer;
import java.util.Locale;

/**
 * CLIP's text cleaning before BPE: Unicode NFC (the part of {@code ftfy.fix_text} the reference
 * relies on), HTML-unescape twice, collapse whitespace runs to one space, strip, lower-case.
 * "Whitespace" is Python's {@code str.isspace}, which differs from {@link Character#isWhitespace}.
 */
final class ClipTextCleaner {
    private ClipTextCleaner() {
    }

    static String clean(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = HtmlUnescaper.unescape(HtmlUnescaper.unescape(s));
        return collapseWhitespace(s).toLowerCase(Locale.ROOT);
    }

    /** {@code re.sub(r'\s+', ' ', s).strip()} with Python's Unicode whitespace. */
    static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isPythonSpace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) out.append(' ');
                pendingSpace = false;
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Python's definition: bidirectional class WS, B or S, or general category Zs. */
    static boolean isPythonSpace(int cp) {
        if (Character.getType(cp) == Character.SPACE_SEPARATOR) return true;
        byte dir = Character.getDirectionality(cp);
        return dir == Character.DIRECTIONALITY_WHITESPACE
                || dir == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || dir == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }
}
