package org.alor.synth;

import java.util.SplittableRandom;

/** Derives independent, reproducible seeds from (world seed, stream, index) with the SplitMix64 finaliser. */
public final class Seeds {
    /** Streams of randomness; each has its own constant so their seeds never collide by construction. */
    public static final long SPECIES = 0x5E_C1E5L, FREQUENCY = 0xF4E9L, CAPTIONS = 0xCA9L, CORPUS_IMAGE = 0xC0_4905L,
            SPLITS = 0x5_9117L, POOL_IMAGE = 0x9001L, VAL_IMAGE = 0x7A1L, TEST_IMAGE = 0x7E57L, SHEET = 0x5EE7L;

    private Seeds() {
    }

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) h = finalise(h ^ finalise(p + 0x632BE59BD9B4E019L));
        return h;
    }

    public static SplittableRandom random(long... parts) {
        return new SplittableRandom(mix(parts));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
