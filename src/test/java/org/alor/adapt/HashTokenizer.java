package org.alor.adapt;

import java.util.Arrays;
import java.util.Locale;

/** A fake tokenizer for tiny test models: one id per lower-cased word (hashed into 1..996), "." its own token. */
public final class HashTokenizer implements TextTokenizer {
    public static final int VOCAB = 1000;

    @Override
    public int[] encode(String text) {
        String spaced = text.toLowerCase(Locale.ROOT).replace(".", " . ").replace(",", " , ");
        return Arrays.stream(spaced.trim().split("\\s+")).filter(w -> !w.isEmpty())
                .mapToInt(w -> 1 + Math.floorMod(w.hashCode(), 996)).toArray();
    }

    @Override
    public int sotToken() {
        return 998;
    }

    @Override
    public int eotToken() {
        return 999;
    }
}
