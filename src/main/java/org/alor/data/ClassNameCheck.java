package org.alor.data;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Refuses class lists whose names would show as identical rows or mislead: names equal after Unicode normalisation
 * (NFC "Café" and NFD "Cafe\u0301"), names and synonyms holding control characters (NUL, line breaks) or bidi
 * controls (U+202E turns "gpj.exe" into "exe.jpg" on screen), and a synonym that is another class's name (its
 * captions would count for both).
 */
final class ClassNameCheck {
    private ClassNameCheck() {
    }

    /**
     * @param file   the classes file (or folder) named in the error
     * @param lineOf the 1-based line of the i-th class in {@code file}, 0 when unknown
     */
    static void check(List<ClassInfo> classes, Path file, IntUnaryOperator lineOf) throws DatasetFormatException {
        Map<String, Integer> indexOfName = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassInfo c = classes.get(i);
            int line = lineOf.applyAsInt(i);
            refuseControls(file, line, "class name", c.name());
            refuseControls(file, line, "most common name", c.mostCommonName());
            for (String s : c.synonyms().keySet()) refuseControls(file, line, "synonym", s);
            Integer other = indexOfName.putIfAbsent(key(c.name()), i);
            if (other != null) {
                throw new DatasetFormatException(file, line, "class name '" + c.name() + "' equals the name of class "
                        + classes.get(other).id() + where(lineOf, other) + " after Unicode normalisation (NFC)");
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            for (String s : classes.get(i).synonyms().keySet()) {
                Integer other = indexOfName.get(key(s));
                if (other != null && other != i) {
                    throw new DatasetFormatException(file, lineOf.applyAsInt(i), "synonym '" + s + "' is the name of class "
                            + classes.get(other).id() + where(lineOf, other) + "; a synonym must belong to one class");
                }
            }
        }
    }

    /** The first character that is a control (category Cc) or a bidi control, as U+XXXX; null when none. */
    static String controlCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL || isBidiControl(cp)) return String.format("U+%04X", cp);
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static void refuseControls(Path file, int line, String what, String text) throws DatasetFormatException {
        String control = controlCharacter(text);
        if (control != null) {
            throw new DatasetFormatException(file, line, what + " '" + visible(text) + "' contains the control character " + control);
        }
    }

    /** The text with control characters shown as \\uXXXX, so the message itself is readable on a terminal. */
    static String visible(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL || isBidiControl(cp)) b.append(String.format("\\u%04X", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    }

    private static String where(IntUnaryOperator lineOf, int index) {
        int line = lineOf.applyAsInt(index);
        return line > 0 ? " (line " + line + ")" : "";
    }
}
