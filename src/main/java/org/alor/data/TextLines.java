package org.alor.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a text file leniently (UTF-8, bad bytes replaced, BOM and '\r' dropped) as lines. */
final class TextLines {
    private TextLines() {
    }

    static String readText(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<String> read(Path file) throws IOException {
        String text = readText(file);
        if (text.isEmpty()) return List.of();
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return lines;
    }
}
