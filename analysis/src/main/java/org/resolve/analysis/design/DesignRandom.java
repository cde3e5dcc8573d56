package org.resolve.analysis.design;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.random.Streams;

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
        return Streams.derive(seed, 0xD1B54A32D192ED03L * (purpose + 1));
    }
}
