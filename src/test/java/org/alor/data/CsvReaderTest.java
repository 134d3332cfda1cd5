package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void parsesQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\nlast,\n");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(0).fields()).containsExactly("a", "b");
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("multi\nline", "z");
        assertThat(rows.get(3).fields()).containsExactly("last", "");
        assertThat(rows).allMatch(r -> r.error() == null);
    }

    @Test
    void anUnterminatedQuoteBreaksOnlyItsOwnLine() {
        List<CsvReader.Row> rows = CsvReader.parse("ok,1\n\"unterminated,2\nfine,3\nfine,4");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(1).error()).isEqualTo("unterminated quoted field");
        assertThat(rows.get(2).fields()).containsExactly("fine", "3");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        List<CsvReader.Row> rows = CsvReader.parse("\"a\"b,3\nfine,4\n");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2);
        assertThat(rows.get(0).error()).isEqualTo("unexpected character after a closing quote");
        assertThat(rows.get(1).fields()).containsExactly("fine", "4");
    }

    @Test
    void quoteRoundTrips() {
        for (String s : List.of("plain", "a,b", "say \"x\"", "two\nlines")) {
            assertThat(CsvReader.parse(CsvReader.quote(s) + ",end\n").get(0).fields()).containsExactly(s, "end");
        }
    }
}
