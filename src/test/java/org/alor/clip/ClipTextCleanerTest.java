package org.alor.clip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values come from the reference cleaning run in Python 3.11 on the same inputs. */
class ClipTextCleanerTest {
    @Test
    void collapsesPythonWhitespaceButNotZeroWidthSpace() {
        assertThat(ClipTextCleaner.clean("\u00a0 A\u00a0b\u001cc\u200bd\u2007e\u3000 ")).isEqualTo("a b c\u200bd e");
    }

    @Test
    void composesToNfcBeforeLowerCasing() {
        assertThat(ClipTextCleaner.clean("Cafe\u0301 ÉTÉ")).isEqualTo("caf\u00e9 \u00e9t\u00e9");
    }

    @Test
    void lowerCasesAFinalSigmaAsPythonDoes() {
        assertThat(ClipTextCleaner.clean("ΟΔΟΣ")).isEqualTo("\u03bf\u03b4\u03bf\u03c2");
    }

    @Test
    void unescapedNonBreakingSpaceIsCollapsed() {
        assertThat(ClipTextCleaner.clean("x&nbsp;y")).isEqualTo("x y");
    }
}
