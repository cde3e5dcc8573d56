package org.resolve.analysis.design;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random streams of the designs: one xoshiro256++ stream per (seed, purpose), so two designs
 * built from the same seed (a Latin hypercube and a Sobol scrambling, say) do not share numbers.
 */
final class DesignRandom {
    static final long MONTE_CARLO = 1;
    static final long LATIN_HYPERCUBE = 2;
    static final long SOBOL_SCRAMBLE = 3;
    static final long MORRIS = 4;

    private DesignRandom() {
    }

    /**
     * @param seed the design's seed
     * @param purpose one of the constants above
     * @return a generator that depends only on both arguments
     */
    static UniformRandomProvider stream(long seed, long purpose) {
        long s = mix(seed ^ mix(0xD1B54A32D192ED03L * (purpose + 1)));
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            s += 0x9E3779B97F4A7C15L;
            state[i] = mix(s);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
