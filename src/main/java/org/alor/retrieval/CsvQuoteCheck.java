package org.alor.retrieval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the quoting of a CSV table (RFC 4180: a quote opens a field only at its start, {@code ""} inside is a
 * quote) before DuckDB reads it. DuckDB's dialect sniffer meets an unterminated quote by guessing another dialect
 * and reads garbage or no caption column at all; this check names the file and the line of the broken quote.
 */
final class CsvQuoteCheck {
    private CsvQuoteCheck() {
    }

    static void check(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            check(in, file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            // not UTF-8: leave the encoding to DuckDB, whose error names it
        }
    }

    static void check(Reader in, String name) throws IOException {
        char[] buf = new char[1 << 16];
        long line = 1;
        long openedOn = 0;         // line of the quote of the open quoted field, 0 outside one
        boolean fieldStart = true;
        boolean quoteInQuoted = false; // a quote inside a quoted field: closing, or the first of ""
        boolean afterClose = false;    // just after a closing quote: only a delimiter or line end may follow
        long closedOpenedOn = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '\uFEFF' && line == 1 && fieldStart) continue; // a byte order mark
                if (openedOn > 0) {
                    if (quoteInQuoted) {
                        quoteInQuoted = false;
                        if (c == '"') continue; // an escaped quote
                        closedOpenedOn = openedOn;
                        openedOn = 0;
                        afterClose = true;
                    } else {
                        if (c == '"') quoteInQuoted = true;
                        else if (c == '\n') line++;
                        continue;
                    }
                }
                if (afterClose) {
                    afterClose = false;
                    if (c != ',' && c != '\n' && c != '\r') {
                        String where = closedOpenedOn == line ? "" : " (it opened with an unbalanced quote on line "
                                + closedOpenedOn + " and closes on line " + line + ")";
                        throw new IOException(name + ":" + closedOpenedOn + ": text after the closing quote of a quoted field"
                                + where + "; fix the quoting of that line");
                    }
                }
                if (c == '"' && fieldStart) {
                    openedOn = line;
                    fieldStart = false;
                    continue;
                }
                fieldStart = c == ',' || c == '\n';
                if (c == '\n') line++;
            }
        }
        if (openedOn > 0 && !quoteInQuoted) {
            throw new IOException(name + ":" + openedOn + ": unterminated quote (the quoted field opened on this line never"
                    + " closes); fix the quoting of that line");
        }
    }
}
