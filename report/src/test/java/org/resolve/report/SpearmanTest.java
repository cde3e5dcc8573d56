package org.resolve.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
    @Test
    void aMonotoneRelationIsOneAReversedOneMinusOneAndConstantsHaveNone() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.3};
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(10 * x[i]); // monotone, far from linear
            z[i] = -x[i] * x[i];
        }
        assertEquals(1.0, Spearman.rho(x, y), 1e-12);
        assertEquals(-1.0, Spearman.rho(x, z), 1e-12);
        assertTrue(Double.isNaN(Spearman.rho(x, new double[] {1, 1, 1, 1, 1})));
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, Double.NaN, 2, Double.NaN, 3}, new double[] {1, 2, Double.NaN, 4, 5})),
                "fewer than three complete pairs");
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Spearman.ranks(new double[] {1, 3, 3, 7}));
        // Known value: x = 1..5, y = 2,1,4,3,5 gives rho = 1 - 6*4/(5*24) = 0.8
        assertEquals(0.8, Spearman.rho(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
    }
}
