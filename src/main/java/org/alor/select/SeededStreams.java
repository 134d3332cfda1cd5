package org.alor.select;

import java.util.SplittableRandom;

/** One random stream per (seed, round, strategy): reruns repeat, rounds and strategies differ. */
final class SeededStreams {
    private SeededStreams() {
    }

    static SplittableRandom forInput(SelectionInput in, String strategy) {
        long h = mix(in.seed());
        h = mix(h ^ (0x9E3779B97F4A7C15L * (in.round() + 1L)));
        h = mix(h ^ strategy.hashCode());
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
