package org.resolve.analysis.design;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A design whose rows are independent of one another's roles: Monte Carlo, Latin hypercube or
 * scrambled Sobol' points. Also the base (the A and B matrices) of a {@link SaltelliDesign}.
 */
public final class PointSet implements Design {
    private final String name;
    private final long seed;
    private final double[][] points;

    private PointSet(String name, long seed, double[][] points) {
        this.name = name;
        this.seed = seed;
        this.points = points;
    }

    /**
     * Independent uniform points.
     *
     * @param n number of points, >= 1
     * @param dimension number of columns, >= 1
     * @param seed the seed
     * @return the design
     * @throws IllegalArgumentException if {@code n < 1} or {@code dimension < 1}
     */
    public static PointSet monteCarlo(int n, int dimension, long seed) {
        check(n, dimension);
        UniformRandomProvider rng = DesignRandom.stream(seed, DesignRandom.MONTE_CARLO);
        double[][] p = new double[n][dimension];
        for (double[] row : p) {
            for (int j = 0; j < dimension; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return new PointSet(Sampling.MONTE_CARLO.key(), seed, p);
    }

    /**
     * A Latin hypercube (McKay, Beckman and Conover 1979): in every column each of the n strata
     * [k/n, (k+1)/n) holds exactly one point; strata are matched across columns by independent
     * random permutations and the point is placed uniformly within its stratum.
     *
     * @param n number of points, >= 1
     * @param dimension number of columns, >= 1
     * @param seed the seed
     * @return the design
     * @throws IllegalArgumentException if {@code n < 1} or {@code dimension < 1}
     */
    public static PointSet latinHypercube(int n, int dimension, long seed) {
        check(n, dimension);
        UniformRandomProvider rng = DesignRandom.stream(seed, DesignRandom.LATIN_HYPERCUBE);
        double[][] p = new double[n][dimension];
        int[] perm = new int[n];
        double below1 = Math.nextDown(1.0);
        for (int j = 0; j < dimension; j++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                // Rounding could carry (n - 1 + u) / n up to 1; keep it in the last stratum.
                p[i][j] = Math.min((perm[i] + rng.nextDouble()) / n, below1);
            }
        }
        return new PointSet(Sampling.LATIN_HYPERCUBE.key(), seed, p);
    }

    /**
     * The first n points of a scrambled Sobol' sequence ({@link ScrambledSobol}). With n a power of
     * two every coordinate's n cells of width 1/n hold one point each, as do the finer elementary
     * boxes of a (t, m, s)-net.
     *
     * @param n number of points, >= 1; a power of two is best
     * @param dimension number of columns, in [1, {@value ScrambledSobol#MAX_DIMENSION}]
     * @param seed the seed of the scrambling
     * @return the design
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static PointSet sobol(int n, int dimension, long seed) {
        check(n, dimension);
        return new PointSet(Sampling.SOBOL.key(), seed, ScrambledSobol.scrambled(dimension, seed).points(n));
    }

    private static void check(int n, int dimension) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return name + "(n=" + points.length + ", dimension=" + dimension() + ", seed=" + seed + ")";
    }

    @Override
    public int dimension() {
        return points[0].length;
    }

    @Override
    public int size() {
        return points.length;
    }

    @Override
    public double coordinate(int row, int column) {
        return points[row][column];
    }

    /** @return the seed the points were drawn with */
    public long seed() {
        return seed;
    }
}
