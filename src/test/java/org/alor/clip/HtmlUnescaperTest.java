package org.alor.clip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are Python 3.11's html.unescape (once and twice) on the same inputs. */
class HtmlUnescaperTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "fish &amp;amp; chips|fish &amp; chips|fish & chips",
            "&lt;b&gt;|<b>|<b>",
            "&#65;&#x42;&#X43;|ABC|ABC",
            "&ampx|&x|&x",
            "&notit;|¬it;|¬it;",
            "&notin;|∉|∉",
            "&#128;|€|€",
            "&#0;|\uFFFD|\uFFFD",
            "&#xD800;|\uFFFD|\uFFFD",
            "&#99999999999;|\uFFFD|\uFFFD",
            "&#1;x|x|x",
            "&unknown;|&unknown;|&unknown;",
            "AT&T|AT&T|AT&T",
            "&eacute|é|é",
            "&copy2026|©2026|©2026",
            "&Aacute;&aacute;|Áá|Áá",
    })
    void matchesPythonHtmlUnescape(String in, String once, String twice) {
        assertThat(HtmlUnescaper.unescape(in)).isEqualTo(once);
        assertThat(HtmlUnescaper.unescape(HtmlUnescaper.unescape(in))).isEqualTo(twice);
    }
}
