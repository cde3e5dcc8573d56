package org.resolve.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives every random stream of a replication from (root seed, replication index, purpose).
 *
 * <p>A replication's streams never depend on the thread or worker that runs it, so an ensemble
 * gives the same numbers on 1 thread, N threads or a cluster. Each process has its own stream
 * (its {@link Purpose}), so switching one process off or on (a persuasion campaign, say) leaves
 * the others' random numbers unchanged: scenarios compared under the same root seed see common
 * random numbers.
 */
public final class Streams {

    /** What a stream is used for; the ordinal is part of the seed derivation and must not change. */
    public enum Purpose {
        PARAMETERS, DEPLOYMENT, ATTRITION, CASUALTY, CAPTURE, DESERTION, BELIEFS, LEARNING, FAMILIES, ROTATION
    }

    private Streams() {
    }

    /**
     * The seed of one replication, as recorded in runs.csv.
     *
     * @param rootSeed the ensemble's root seed
     * @param replication the replication index, >= 0
     * @return a 64-bit seed that depends only on both arguments
     * @throws IllegalArgumentException if {@code replication < 0}
     */
    public static long replicationSeed(long rootSeed, long replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0: " + replication);
        }
        return mix(mix(rootSeed) ^ mix(replication + 0x632BE59BD9B4E019L));
    }

    /**
     * A fresh generator for one purpose of one replication.
     *
     * @param replicationSeed the value of {@link #replicationSeed(long, long)}
     * @param purpose what the stream is for
     * @return an xoshiro256++ generator seeded from both, independent of any thread
     */
    public static UniformRandomProvider stream(long replicationSeed, Purpose purpose) {
        return derive(replicationSeed, 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1));
    }

    /**
     * A fresh xoshiro256++ generator whose state depends only on a seed and a salt (the salt
     * separates the uses of one seed: processes here, designs in the analysis module).
     *
     * @param seed a 64-bit seed
     * @param salt a constant naming the use
     * @return the generator, its four state words filled by SplitMix64 from both
     */
    public static UniformRandomProvider derive(long seed, long salt) {
        long s = mix(seed ^ mix(salt));
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
