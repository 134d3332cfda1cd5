package org.alor.adapt;

import org.alor.clip.ClipTokenizer;

/**
 * Turns prompts into CLIP token ids. The real one is CLIP's BPE ({@link #of(ClipTokenizer)}); tests with a tiny
 * vocabulary plug in their own.
 */
public interface TextTokenizer {
    /** Token ids of the text, without start and end tokens. */
    int[] encode(String text);

    int sotToken();

    /** The end-of-text id; it must be the highest id of every row (the text tower pools at the row's argmax). */
    int eotToken();

    /** One row of text input: start, ids truncated to contextLength−2, end, zero padding (as OpenCLIP tokenizes). */
    default long[] tokenize(String text, int contextLength) {
        int[] ids = encode(text);
        int kept = Math.min(ids.length, contextLength - 2);
        long[] row = new long[contextLength];
        row[0] = sotToken();
        for (int i = 0; i < kept; i++) row[i + 1] = ids[i];
        row[kept + 1] = eotToken();
        return row;
    }

    static TextTokenizer of(ClipTokenizer tokenizer) {
        return new TextTokenizer() {
            @Override
            public int[] encode(String text) {
                return tokenizer.encode(text);
            }

            @Override
            public int sotToken() {
                return tokenizer.sotToken();
            }

            @Override
            public int eotToken() {
                return tokenizer.eotToken();
            }

            @Override
            public long[] tokenize(String text, int contextLength) {
                return tokenizer.tokenize(text, contextLength);
            }
        };
    }
}
