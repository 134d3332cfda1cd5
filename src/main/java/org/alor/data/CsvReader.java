package org.alor.data;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""}). Lines end with LF or CRLF. A malformed record is returned with an error instead of fields, and
 * reading resumes on the next line.
 */
final class CsvReader {
    /** One record; {@code line} is the 1-based line it starts on; {@code error} is null when well-formed. */
    record Row(int line, List<String> fields, String error) {
    }

    private CsvReader() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            int startIndex = i;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"' && field.length() == 0) {
                    // quoted field
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                            } else {
                                i++;
                                closed = true;
                                break;
                            }
                        } else {
                            if (c == '\n') line++;
                            field.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        // an unbalanced quote would swallow the rest of the file: give up on this line only
                        error = "unterminated quoted field";
                        i = startIndex;
                        line = startLine;
                        break;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        error = line == startLine ? "unexpected character after a closing quote"
                                : "unbalanced quote: the quoted field opened here closes on line " + line + " followed by text";
                        break;
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    field.append(text.charAt(i++));
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i = skipLineBreak(text, i);
                    line++;
                    endOfRecord = true;
                }
            }
            if (error != null) {
                // resume after the end of the physical line where the error was noticed
                while (i < n && text.charAt(i) != '\n') i++;
                if (i < n) {
                    i++;
                    line++;
                }
                rows.add(new Row(startLine, List.of(), error));
            } else {
                rows.add(new Row(startLine, fields, null));
            }
        }
        return rows;
    }

    private static int skipLineBreak(String text, int i) {
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') return i + 2;
        return i + 1;
    }

    /** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
