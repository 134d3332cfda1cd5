package org.alor.retrieval;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18 item 2: well-quoted CSV passes, a broken quote is named by file and line. */
class CsvQuoteCheckTest {
    private static void check(String text) throws IOException {
        CsvQuoteCheck.check(new StringReader(text), "c.csv");
    }

    @Test
    void wellFormedQuotingPasses() {
        assertThatCode(() -> check("\uFEFF\"key\",caption,url\r\n1,\"a, \"\"b\"\"\r\nc\",u\r\n2,he said \"hi\",u\r\n3,\"\",u")).doesNotThrowAnyException();
        assertThatCode(() -> check("")).doesNotThrowAnyException();
        assertThatCode(() -> check("k,c\n1,\"ends with a quote\"")).doesNotThrowAnyException();
    }

    @Test
    void anUnterminatedQuoteIsNamedByTheLineItOpensOn() {
        assertThatThrownBy(() -> check("k,c\n1,x\n2,\"open\n3,y\n")).hasMessageStartingWith("c.csv:3: unterminated quote");
    }

    @Test
    void anUnbalancedQuoteClosedLaterIsNamedByTheLineItOpensOn() {
        assertThatThrownBy(() -> check("k,c\n1,\"open\n2,\"x\",u\n")).hasMessageStartingWith("c.csv:2: ")
                .hasMessageContaining("closes on line 3");
    }
}
