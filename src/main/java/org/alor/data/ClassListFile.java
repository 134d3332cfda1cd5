package org.alor.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain class list: one class per line, ids in line order from 0; optional '|'-separated synonyms after the
 * name ({@code Tachycineta bicolor|Tree Swallow}); lines starting with '#' and blank lines are ignored.
 * The file must be UTF-8 (a leading BOM is allowed). Any malformed line is fatal.
 */
public final class ClassListFile {
    private ClassListFile() {
    }

    /** Reads the classes; synonyms keep the file's order, the name first, each with count 0. */
    public static List<ClassInfo> read(Path file) throws IOException, DatasetFormatException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = decodeLines(file, bytes);
        List<ClassInfo> classes = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        List<Integer> lineOfClass = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\|", -1);
            String name = parts[0].strip();
            if (name.isEmpty()) throw new DatasetFormatException(file, lineNo, "empty class name");
            Integer previous = lineOfName.putIfAbsent(name, lineNo);
            if (previous != null) {
                throw new DatasetFormatException(file, lineNo, "duplicate class name '" + name + "' (first on line " + previous + ")");
            }
            Map<String, Integer> synonyms = new LinkedHashMap<>();
            for (String part : parts) {
                String synonym = part.strip();
                if (synonym.isEmpty()) throw new DatasetFormatException(file, lineNo, "empty synonym in '" + line + "'");
                synonyms.putIfAbsent(synonym, 0);
            }
            classes.add(new ClassInfo(classes.size(), name, name, synonyms));
            lineOfClass.add(lineNo);
        }
        if (classes.isEmpty()) throw new DatasetFormatException(file, "no classes in the class list");
        ClassNameCheck.check(classes, file, lineOfClass::get);
        return classes;
    }

    /** Splits on '\n' and decodes each line strictly, so a bad byte is reported with its line number. */
    private static List<String> decodeLines(Path file, byte[] bytes) throws DatasetFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    lines.add(decoder.decode(ByteBuffer.wrap(current.toByteArray())).toString());
                } catch (CharacterCodingException e) {
                    throw new DatasetFormatException(file, lines.size() + 1, "not valid UTF-8 text (save the file as UTF-8)");
                }
                current.reset();
            } else {
                current.write(bytes[i]);
            }
        }
        return lines;
    }
}
