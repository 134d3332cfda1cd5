package org.alor.clip;

/**
 * GPT-2/CLIP's reversible byte → printable character table ({@code bytes_to_unicode}): printable
 * Latin-1 bytes map to themselves, the other 68 bytes to U+0100 upwards, so that BPE never sees
 * whitespace or control characters.
 */
final class ByteUnicodeTable {
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** The 256 byte characters in the reference's vocabulary order (printable bytes first). */
    private static final char[] VOCAB_ORDER = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[256 + 68];

    static {
        boolean[] printable = new boolean[256];
        int k = 0;
        for (int b = '!'; b <= '~'; b++) { printable[b] = true; VOCAB_ORDER[k++] = (char) b; }
        for (int b = 0xA1; b <= 0xAC; b++) { printable[b] = true; VOCAB_ORDER[k++] = (char) b; }
        for (int b = 0xAE; b <= 0xFF; b++) { printable[b] = true; VOCAB_ORDER[k++] = (char) b; }
        for (int b = 0; b < 256; b++) {
            if (printable[b]) BYTE_TO_CHAR[b] = (char) b;
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                BYTE_TO_CHAR[b] = (char) (256 + n++);
                VOCAB_ORDER[k++] = BYTE_TO_CHAR[b];
            }
        }
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        for (int b = 0; b < 256; b++) CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
    }

    private ByteUnicodeTable() {
    }

    static char charOf(byte b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte a table character stands for, or -1 if it is not one of the 256. */
    static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The 256 byte characters in the order CLIP numbers them (ids 0..255). */
    static char[] vocabularyOrder() {
        return VOCAB_ORDER.clone();
    }
}
