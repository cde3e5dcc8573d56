package org.resolve.analysis.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PointSetTest {

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void sameSeedSameDesignOtherSeedOther(Sampling s) {
        Design a = s.design(100, 6, 42);
        Design b = s.design(100, 6, 42);
        Design c = s.design(100, 6, 43);
        assertEquals(100, a.size());
        assertEquals(6, a.dimension());
        assertEquals(a.describe(), b.describe());
        int same = 0;
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(a.point(i), b.point(i), 0.0);
            for (int j = 0; j < 6; j++) {
                double x = a.coordinate(i, j);
                assertTrue(x >= 0 && x < 1, s + ": " + x + " outside [0, 1)");
                same += x == c.coordinate(i, j) ? 1 : 0;
            }
        }
        assertEquals(0, same, s + ": seeds 42 and 43 share coordinates");
    }

    @Test
    void latinHypercubeHasOnePointPerStratumInEveryColumn() {
        for (int n : new int[] {1, 2, 7, 100, 1000}) {
            Design d = PointSet.latinHypercube(n, 9, n);
            for (int j = 0; j < 9; j++) {
                int[] strata = new int[n];
                for (int i = 0; i < n; i++) {
                    strata[(int) Math.floor(d.coordinate(i, j) * n)]++;
                }
                for (int k = 0; k < n; k++) {
                    assertEquals(1, strata[k], "n " + n + ", column " + j + ", stratum " + k);
                }
            }
        }
    }

    @Test
    void latinHypercubeColumnsAreNotAllPairedTheSameWay() {
        // The strata of two columns are matched by independent permutations: with n = 50 the chance
        // that two columns get the same one is 1/50!, so a test of inequality cannot fail by chance.
        Design d = PointSet.latinHypercube(50, 2, 7);
        int same = 0;
        for (int i = 0; i < 50; i++) {
            same += (int) (d.coordinate(i, 0) * 50) == (int) (d.coordinate(i, 1) * 50) ? 1 : 0;
        }
        assertNotEquals(50, same);
    }

    @Test
    void samplingByKey() {
        assertEquals(Sampling.LATIN_HYPERCUBE, Sampling.byKey("lhs"));
        assertEquals(Sampling.SOBOL, Sampling.byKey("sobol"));
        assertEquals(Sampling.MONTE_CARLO, Sampling.byKey("monte-carlo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.byKey("halton"));
        assertTrue(e.getMessage().contains("monte-carlo, lhs, sobol"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void rejectsBadSizes(Sampling s) {
        assertThrows(IllegalArgumentException.class, () -> s.design(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> s.design(-3, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> s.design(4, 0, 1));
    }
}
