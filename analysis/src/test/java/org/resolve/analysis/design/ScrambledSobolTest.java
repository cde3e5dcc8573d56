package org.resolve.analysis.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScrambledSobolTest {

    @Test
    void unscrambledIsHipparchusSequence() {
        SobolSequenceGenerator ref = new SobolSequenceGenerator(12);
        double[][] ours = ScrambledSobol.unscrambled(12).points(4096);
        for (int i = 0; i < ours.length; i++) {
            assertArrayEquals(ref.nextVector(), ours[i], 0.0, "point " + i);
        }
        // Random access agrees with the sequential Gray-code walk, for an index far beyond 4096.
        SobolSequenceGenerator skip = new SobolSequenceGenerator(12);
        assertArrayEquals(skip.skipTo(1_000_003), ScrambledSobol.unscrambled(12).point(1_000_003), 0.0);
    }

    @Test
    void randomAccessEqualsSequence() {
        ScrambledSobol s = ScrambledSobol.scrambled(7, 99);
        double[][] all = s.points(300);
        for (int i = 0; i < all.length; i++) {
            assertArrayEquals(all[i], s.point(i), 0.0, "point " + i);
        }
    }

    @Test
    void scrambledFirstPointIsNotTheOriginAndEveryCoordinateIsInside() {
        double[][] p = ScrambledSobol.scrambled(40, 5).points(1024);
        boolean allZero = true;
        for (double x : p[0]) {
            allZero &= x == 0;
        }
        assertFalse(allZero, "the first scrambled point must not be the origin");
        for (double[] row : p) {
            for (double x : row) {
                assertTrue(x > 0 && x < 1, "coordinate " + x + " outside (0, 1)");
            }
        }
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        double[][] a = ScrambledSobol.scrambled(5, 1).points(64);
        double[][] b = ScrambledSobol.scrambled(5, 1).points(64);
        double[][] c = ScrambledSobol.scrambled(5, 2).points(64);
        for (int i = 0; i < 64; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        int differ = 0;
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 5; j++) {
                differ += a[i][j] != c[i][j] ? 1 : 0;
            }
        }
        assertEquals(64 * 5, differ, "seeds 1 and 2 should scramble every coordinate differently");
    }

    /**
     * For n = 2^m points, each coordinate's 2^m cells of width 2^-m hold exactly one point (so each
     * half-interval holds n/2), and the first two coordinates form a (0, m, 2)-net: every
     * elementary box [a/2^k, (a+1)/2^k) x [b/2^(m-k), (b+1)/2^(m-k)) holds exactly one point.
     * Scrambling must keep both, whatever the seed.
     */
    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 1, 2, 3, 20240601})
    void scramblingKeepsTheNetBalance(long seed) {
        int m = 10;
        int n = 1 << m;
        int dim = 24;
        double[][] p = (seed == -1 ? ScrambledSobol.unscrambled(dim) : ScrambledSobol.scrambled(dim, seed)).points(n);
        for (int j = 0; j < dim; j++) {
            int[] cells = new int[n];
            int lowerHalf = 0;
            for (double[] row : p) {
                cells[(int) (row[j] * n)]++;
                lowerHalf += row[j] < 0.5 ? 1 : 0;
            }
            assertEquals(n / 2, lowerHalf, "seed " + seed + ", coordinate " + j + ": half the points below 1/2");
            for (int k = 0; k < n; k++) {
                assertEquals(1, cells[k], "seed " + seed + ", coordinate " + j + ", cell " + k);
            }
        }
        for (int k = 0; k <= m; k++) {
            int[][] boxes = new int[1 << k][1 << (m - k)];
            for (double[] row : p) {
                boxes[(int) (row[0] * (1 << k))][(int) (row[1] * (1 << (m - k)))]++;
            }
            for (int[] col : boxes) {
                for (int count : col) {
                    assertEquals(1, count, "seed " + seed + ": elementary box of shape 2^-" + k + " x 2^-" + (m - k));
                }
            }
        }
    }

    /**
     * Integrates f(u) = prod (pi/2) sin(pi u_j) over [0, 1)^3 (exact value 1) with n = 4096 points,
     * 20 independent replicates of each design. Monte Carlo's root-mean-square error is about
     * sd(f)/sqrt(n) = 0.0146 (sd(f) = sqrt((pi^2/8)^3 - 1) = 0.94); scrambled Sobol' converges
     * nearly as 1/n for such a smooth integrand. Over 20 disjoint sets of 20 seeds the smallest
     * ratio of the two RMS errors was 47, so asking for 10 leaves a wide margin: a chance failure
     * would need the Monte Carlo RMS over 20 replicates to fall below a fifth of its expectation
     * (chi-square(20)/20 below 0.04, probability below 1e-9) or the Sobol' error to grow fivefold.
     */
    @Test
    void sobolIntegratesASmoothFunctionFasterThanMonteCarlo() {
        int n = 4096;
        int d = 3;
        double mcSq = 0;
        double qmcSq = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double mc = mean(PointSet.monteCarlo(n, d, seed), d);
            double qmc = mean(PointSet.sobol(n, d, seed), d);
            mcSq += (mc - 1) * (mc - 1);
            qmcSq += (qmc - 1) * (qmc - 1);
        }
        double mcRms = Math.sqrt(mcSq / 20);
        double qmcRms = Math.sqrt(qmcSq / 20);
        System.out.printf("integration test seeds 1..20: Monte Carlo RMS error %.2e, scrambled Sobol %.2e%n", mcRms,
                qmcRms);
        assertTrue(qmcRms < mcRms / 10, "Sobol RMS " + qmcRms + " vs Monte Carlo " + mcRms);
    }

    private static double mean(Design p, int d) {
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            double f = 1;
            for (int j = 0; j < d; j++) {
                f *= Math.PI / 2 * Math.sin(Math.PI * p.coordinate(i, j));
            }
            s += f;
        }
        return s / p.size();
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.scrambled(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.scrambled(ScrambledSobol.MAX_DIMENSION + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.scrambled(2, 1).point(-1));
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.scrambled(2, 1).points(0));
    }
}
