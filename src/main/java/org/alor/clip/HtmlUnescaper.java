package org.alor.clip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code html.unescape}: HTML5 named references (the full WHATWG table, including the
 * legacy forms without ';' and longest-prefix matching), decimal and hexadecimal references with
 * the HTML5 rules for invalid code points.
 */
final class HtmlUnescaper {
    private static final Pattern CHARREF = Pattern.compile(
            "&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    private static final Map<String, String> NAMED = loadNamed();
    private static final Map<Integer, String> INVALID_CHARREFS = invalidCharrefs();
    private static final BigInteger MAX_CODE_POINT = BigInteger.valueOf(0x10FFFF);

    private HtmlUnescaper() {
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = CHARREF.matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(replace(r)));
    }

    private static String replace(MatchResult r) {
        String s = r.group(1);
        if (s.charAt(0) == '#') return numeric(s);
        String whole = NAMED.get(s);
        if (whole != null) return whole;
        for (int x = s.length() - 1; x > 1; x--) {
            String prefix = NAMED.get(s.substring(0, x));
            if (prefix != null) return prefix + s.substring(x);
        }
        return "&" + s;
    }

    private static String numeric(String s) {
        boolean hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        String digits = s.substring(hex ? 2 : 1);
        if (digits.endsWith(";")) digits = digits.substring(0, digits.length() - 1);
        BigInteger big = new BigInteger(digits, hex ? 16 : 10);
        if (big.compareTo(MAX_CODE_POINT) > 0) return "\uFFFD";
        int num = big.intValue();
        String invalid = INVALID_CHARREFS.get(num);
        if (invalid != null) return invalid;
        if (num >= 0xD800 && num <= 0xDFFF) return "\uFFFD";
        if (isInvalidCodePoint(num)) return "";
        return new String(Character.toChars(num));
    }

    private static boolean isInvalidCodePoint(int c) {
        return (c >= 0x1 && c <= 0x8) || (c >= 0xE && c <= 0x1F) || (c >= 0x7F && c <= 0x9F)
                || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xB || (c & 0xFFFE) == 0xFFFE;
    }

    private static Map<Integer, String> invalidCharrefs() {
        Map<Integer, String> m = new HashMap<>();
        m.put(0x00, "\uFFFD");
        m.put(0x0D, "\r");
        int[] cp1252 = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
                0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
        for (int i = 0; i < cp1252.length; i++) {
            m.put(0x80 + i, String.valueOf((char) cp1252[i]));
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> loadNamed() {
        Map<String, String> m = new HashMap<>(4096);
        try (InputStream in = HtmlUnescaper.class.getResourceAsStream("html5-entities.txt")) {
            if (in == null) throw new IllegalStateException("missing resource org/alor/clip/html5-entities.txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                StringBuilder value = new StringBuilder();
                for (String hex : line.substring(tab + 1).split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                m.put(line.substring(0, tab), value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HTML entity table", e);
        }
        return Map.copyOf(m);
    }
}
