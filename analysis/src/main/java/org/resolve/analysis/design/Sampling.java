package org.resolve.analysis.design;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The ways of filling the unit hypercube, by the names a user types. */
public enum Sampling {
    /** Independent uniform points. */
    MONTE_CARLO("monte-carlo") {
        @Override
        public PointSet design(int n, int dimension, long seed) {
            return PointSet.monteCarlo(n, dimension, seed);
        }
    },
    /** A Latin hypercube. */
    LATIN_HYPERCUBE("lhs") {
        @Override
        public PointSet design(int n, int dimension, long seed) {
            return PointSet.latinHypercube(n, dimension, seed);
        }
    },
    /** Scrambled Sobol' points. */
    SOBOL("sobol") {
        @Override
        public PointSet design(int n, int dimension, long seed) {
            return PointSet.sobol(n, dimension, seed);
        }
    };

    private final String key;

    Sampling(String key) {
        this.key = key;
    }

    /** @return the name a user types */
    public String key() {
        return key;
    }

    /**
     * @param n number of points, >= 1
     * @param dimension number of columns, >= 1
     * @param seed the seed
     * @return n points in [0, 1)^dimension
     * @throws IllegalArgumentException if {@code n < 1} or the dimension is out of range
     */
    public abstract PointSet design(int n, int dimension, long seed);

    /**
     * @param key a name as a user types it
     * @return the sampling of that name
     * @throws IllegalArgumentException naming the choices, if there is none of that name
     */
    public static Sampling byKey(String key) {
        for (Sampling s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sampling '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Sampling::key).collect(Collectors.joining(", ")));
    }
}
