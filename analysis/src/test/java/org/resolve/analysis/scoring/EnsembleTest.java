package org.resolve.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Quantiles, intervals, interval scores, coverage and argument checks. */
class EnsembleTest {
    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = n - 1 - i; // reversed: the ensemble sorts
        }
        return x;
    }

    @Test
    void quantilesInvertTheEmpiricalCdf() {
        Ensemble f = Ensemble.of(range(100));
        assertEquals(0, f.quantile(0));
        assertEquals(4, f.quantile(0.05));
        assertEquals(49, f.quantile(0.5));
        assertEquals(94, f.quantile(0.95));
        assertEquals(99, f.quantile(1));
        assertEquals(new Interval(4, 94), f.central(0.9));
        assertEquals(new Interval(24, 74), f.central(0.5));
        Ensemble w = Ensemble.weighted(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.8});
        assertEquals(3, w.quantile(0.5));
        assertEquals(2, w.quantile(0.2));
        assertEquals(2.7, w.mean(), 1e-15);
    }

    @Test
    void intervalScoreByHand() {
        Interval i = new Interval(2, 8);
        assertEquals(6, IntervalScore.of(i, 0.1, 5), 1e-15);
        assertEquals(6, IntervalScore.of(i, 0.1, 2), 1e-15);
        assertEquals(26, IntervalScore.of(i, 0.1, 1), 1e-12);
        assertEquals(46, IntervalScore.of(i, 0.1, 10), 1e-12);
        assertEquals(6 + 4 * 3, IntervalScore.of(i, 0.5, 11), 1e-12);
        // Censored: the nearest consistent value.
        assertEquals(26, IntervalScore.of(i, 0.1, Outcome.atLeast(9)), 1e-12);
        assertEquals(6, IntervalScore.of(i, 0.1, Outcome.atMost(9)), 1e-12);
        assertEquals(26, IntervalScore.of(i, 0.1, Outcome.between(0, 1)), 1e-12);
        assertEquals(6, IntervalScore.of(i, 0.1, Outcome.between(0, 3)), 1e-12);
        assertEquals(IntervalScore.of(i, 0.1, 1.0), IntervalScore.of(i, 0.1, Outcome.exact(1)), 0);
    }

    @Test
    void forecastScoreBundlesCoverage() {
        Ensemble f = Ensemble.of(range(100));
        ForecastScore in = ForecastScore.of(f, Outcome.exact(50));
        assertTrue(in.inside50() && in.inside90());
        assertEquals(50, in.intervalScore50(), 1e-12);
        assertEquals(90, in.intervalScore90(), 1e-12);
        ForecastScore mid = ForecastScore.of(f, Outcome.exact(80));
        assertFalse(mid.inside50());
        assertTrue(mid.inside90());
        assertEquals(50 + 4 * 6, mid.intervalScore50(), 1e-12);
        ForecastScore out = ForecastScore.of(f, Outcome.exact(99));
        assertFalse(out.inside50() || out.inside90());
        assertTrue(ForecastScore.of(f, Outcome.atLeast(90)).inside90());
        assertFalse(ForecastScore.of(f, Outcome.atLeast(95)).inside90());
        assertEquals(Crps.of(f, 99), out.crps(), 0);
    }

    @Test
    void rejectsInvalidEnsembles() {
        assertThrows(IllegalArgumentException.class, () -> Ensemble.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.of(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.of(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.weighted(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.weighted(new double[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.weighted(new double[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.weighted(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.of(new double[] {1}).quantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> Ensemble.of(new double[] {1}).central(1));
    }

    @Test
    void rejectsInvalidAlphaAndOutcomes() {
        Interval i = new Interval(0, 1);
        for (double a : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> IntervalScore.of(i, a, 0.5), "alpha " + a);
        }
        assertThrows(IllegalArgumentException.class, () -> new Interval(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Outcome.exact(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Outcome.atLeast(Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Outcome.atMost(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Outcome.between(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Outcome(Outcome.Kind.LOWER, 1, 5));
    }
}
