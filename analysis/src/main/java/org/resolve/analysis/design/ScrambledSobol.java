package org.resolve.analysis.design;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Sobol' points (Joe and Kuo's 2008 direction numbers, as shipped with Hipparchus), optionally
 * randomised by a random linear matrix scrambling plus a random digital shift (Matoušek 1998;
 * Owen 2003, "Variance and discrepancy with alternative scramblings").
 *
 * <p>Each dimension's generator matrix C (52 output digits by 31 index digits) is replaced by L C,
 * where L is a random 52 by 52 lower-triangular binary matrix with a unit diagonal, and every
 * point is then XORed with a random 52-digit shift e. L is invertible and lower-triangular, so the
 * leading rows of L C span what those of C span: every (t, m, s)-net property of the first
 * 2<sup>m</sup> points is kept, while each point becomes uniformly distributed on [0, 1)<sup>s</sup>
 * and estimates become unbiased, with a spread that independent scramblings can measure.
 *
 * <p>The unscrambled sequence starts at the origin, a point that no quantile function can take and
 * that many generators drop. Dropping it would break the balance of the first 2<sup>m</sup> points
 * (Owen 2022, "On dropping the first Sobol' point"), so it is kept: after the shift it is an
 * ordinary random point. Scrambled coordinates are the centres (2y + 1) / 2<sup>53</sup> of their
 * 52-digit cells, so they lie strictly inside (0, 1).
 *
 * <p>Points are in Gray-code order (Antonov and Saleev 1979): point n is the XOR of the columns
 * picked by the bits of n XOR (n >> 1).
 */
public final class ScrambledSobol {
    /** The largest dimension Joe and Kuo's table covers. */
    public static final int MAX_DIMENSION = 21201;
    /** Index digits: points 0 .. 2^31 - 1 can be generated. */
    static final int INDEX_BITS = 31;
    /** Output digits. */
    static final int BITS = 52;
    private static final long MASK = (1L << BITS) - 1;
    private static final double SCALE = 0x1.0p52;

    private final int dimension;
    private final boolean scrambled;
    /** columns[j][k]: column k + 1 of dimension j's generator matrix, digit 1 in bit 51. */
    private final long[][] columns;
    private final long[] shift;

    private ScrambledSobol(int dimension, boolean scrambled, long[][] columns, long[] shift) {
        this.dimension = dimension;
        this.scrambled = scrambled;
        this.columns = columns;
        this.shift = shift;
    }

    /**
     * @param dimension the number of coordinates, in [1, {@value #MAX_DIMENSION}]
     * @param seed the seed of the scrambling (matrices and shift)
     * @return a scrambled Sobol' sequence
     * @throws IllegalArgumentException if the dimension is out of range
     */
    public static ScrambledSobol scrambled(int dimension, long seed) {
        long[][] c = directionNumbers(dimension);
        UniformRandomProvider rng = DesignRandom.stream(seed, DesignRandom.SOBOL_SCRAMBLE);
        long[] shift = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            long[] lower = new long[BITS];
            for (int r = 0; r < BITS; r++) {
                // Row r + 1 of L: random digits left of the diagonal, a one on it, zeros right of it.
                int pos = BITS - 1 - r;
                long above = MASK & ~((1L << (pos + 1)) - 1);
                lower[r] = (rng.nextLong() & above) | (1L << pos);
            }
            for (int k = 0; k < INDEX_BITS; k++) {
                long v = c[j][k];
                long out = 0;
                for (int r = 0; r < BITS; r++) {
                    out |= (long) (Long.bitCount(lower[r] & v) & 1) << (BITS - 1 - r);
                }
                c[j][k] = out;
            }
            shift[j] = rng.nextLong() & MASK;
        }
        return new ScrambledSobol(dimension, true, c, shift);
    }

    /**
     * The plain sequence, first point at the origin, equal to Hipparchus's
     * {@link SobolSequenceGenerator}; for comparisons and tests.
     *
     * @param dimension the number of coordinates, in [1, {@value #MAX_DIMENSION}]
     * @return the unscrambled Sobol' sequence
     * @throws IllegalArgumentException if the dimension is out of range
     */
    public static ScrambledSobol unscrambled(int dimension) {
        return new ScrambledSobol(dimension, false, directionNumbers(dimension), new long[dimension]);
    }

    /**
     * Reads the direction numbers through Hipparchus's public interface: in Gray-code order, point
     * 2<sup>k</sup> - 1 is exactly the k-th direction number (its Gray code has the single bit
     * k - 1), and Hipparchus's coordinates are 52-bit integers over 2<sup>52</sup>, exact in a double.
     */
    private static long[][] directionNumbers(int dimension) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "]: " + dimension);
        }
        SobolSequenceGenerator gen = new SobolSequenceGenerator(dimension);
        long[][] c = new long[dimension][INDEX_BITS];
        for (int k = 1; k <= INDEX_BITS; k++) {
            double[] p = gen.skipTo((int) ((1L << k) - 1));
            for (int j = 0; j < dimension; j++) {
                c[j][k - 1] = (long) (p[j] * SCALE);
            }
        }
        return c;
    }

    /** @return the number of coordinates */
    public int dimension() {
        return dimension;
    }

    /** @return whether the sequence is scrambled */
    public boolean isScrambled() {
        return scrambled;
    }

    /**
     * @param index the point's index, >= 0
     * @return the point, each coordinate in [0, 1) (in (0, 1) when scrambled)
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public double[] point(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        int gray = index ^ (index >>> 1);
        double[] p = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            long y = shift[j];
            for (int g = gray, k = 0; g != 0; g >>>= 1, k++) {
                if ((g & 1) != 0) {
                    y ^= columns[j][k];
                }
            }
            p[j] = toDouble(y);
        }
        return p;
    }

    /**
     * @param n how many points, >= 1 (a power of two keeps the net's balance)
     * @return points 0 .. n - 1, as rows
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public double[][] points(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        double[][] out = new double[n][dimension];
        long[] y = shift.clone();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                // Gray code of i differs from that of i - 1 in the bit of i's lowest set bit.
                int k = Integer.numberOfTrailingZeros(i);
                for (int j = 0; j < dimension; j++) {
                    y[j] ^= columns[j][k];
                }
            }
            for (int j = 0; j < dimension; j++) {
                out[i][j] = toDouble(y[j]);
            }
        }
        return out;
    }

    private double toDouble(long y) {
        return scrambled ? (2 * y + 1) * 0x1.0p-53 : y / SCALE;
    }
}
