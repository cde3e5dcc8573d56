package org.resolve.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.random.Streams;

/** CRPS against closed forms and hand-worked cases. */
class CrpsTest {
    static final long SEED = 20250611L;

    @Test
    void normalClosedFormAtTheMeanIsKnown() {
        // sd (2φ(0) - 1/√π) = sd (√(2/π) - 1/√π)
        assertEquals(2 * (Math.sqrt(2 / Math.PI) - 1 / Math.sqrt(Math.PI)), Crps.normal(5, 2, 5), 1e-12);
    }

    /**
     * A random sample of 200 000 from N(mu, s): over 20 seeds (numpy, same estimator) the sample
     * CRPS had a standard deviation between 0.0004 s (y at the mean) and 0.0022 s (y three sd
     * away), so the tolerance 0.01 s is at least 4.5 standard errors: a false failure has
     * probability below 1e-5 per case (the sample CRPS is a smooth mean, close to normal).
     */
    @ParameterizedTest
    @CsvSource({"0, 1, 0", "0, 1, 1.5", "10, 3, 4", "-2, 0.5, -2.7", "100, 20, 160"})
    void largeSampleMatchesTheNormalClosedForm(double mu, double s, double y) {
        UniformRandomProvider rng = Streams.derive(SEED, 1);
        System.out.println("CRPS normal sample, seed " + SEED + ", salt 1");
        ContinuousDistribution.Sampler z = NormalDistribution.of(mu, s).createSampler(rng);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = z.sample();
        }
        assertEquals(Crps.normal(mu, s, y), Crps.of(x, y), 0.01 * s);
    }

    @Test
    void quantileEnsembleMatchesTheNormalClosedFormClosely() {
        NormalDistribution d = NormalDistribution.of(1, 2);
        int n = 100_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.inverseCumulativeProbability((i + 0.5) / n);
        }
        for (double y : new double[] {-3, 0, 1, 2.5, 7}) {
            assertEquals(Crps.normal(1, 2, y), Crps.of(x, y), 1e-3, "y = " + y);
        }
    }

    @Test
    void pointMassScoresTheAbsoluteError() {
        assertEquals(2.0, Crps.of(new double[] {3}, 5), 0);
        assertEquals(2.5, Crps.of(new double[] {4, 4, 4}, 1.5), 1e-15);
        assertEquals(0.0, Crps.of(new double[] {7}, 7), 0);
    }

    @Test
    void twoMembersByHand() {
        // E|X - 0| = 0.5, E|X - X'| = 0.5: 0.5 - 0.25; the integral: F = 0.5 on [0, 1).
        assertEquals(0.25, Crps.of(new double[] {1, 0}, 0), 1e-15);
        // y = 0.5: E|X - y| = 0.5, so 0.25 as well; y = 3: E|X - 3| = 2.5 -> 2.25
        assertEquals(0.25, Crps.of(new double[] {0, 1}, 0.5), 1e-15);
        assertEquals(2.25, Crps.of(new double[] {0, 1}, 3), 1e-15);
    }

    @Test
    void weightsActLikeRepeats() {
        Ensemble w = Ensemble.weighted(new double[] {3, 1, 2}, new double[] {1, 1, 2});
        Ensemble r = Ensemble.of(new double[] {1, 2, 2, 3});
        for (double y : new double[] {-1, 1, 1.7, 2, 2.9, 10}) {
            assertEquals(Crps.of(r, y), Crps.of(w, y), 1e-14, "y = " + y);
        }
        assertEquals(r.quantile(0.5), w.quantile(0.5));
        assertEquals(r.central(0.5), w.central(0.5));
    }

    @Test
    void energyFormEqualsTheIntegralForm() {
        UniformRandomProvider rng = Streams.derive(SEED, 2);
        for (int rep = 0; rep < 50; rep++) {
            int n = 1 + rng.nextInt(40);
            double[] x = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.floor(rng.nextDouble() * 20) / 2; // ties on purpose
                w[i] = rng.nextDouble();
            }
            Ensemble f = Ensemble.weighted(x, w);
            double y = rng.nextDouble() * 14 - 2;
            assertEquals(Crps.outside(f, y, y), Crps.of(f, y), 1e-12, "rep " + rep);
        }
    }

    @Test
    void censoredScoresByHand() {
        Ensemble f = Ensemble.of(new double[] {0, 1});
        // All mass below "at least 2": ∫_0^1 0.25 + ∫_1^2 1 = the CRPS at 2.
        assertEquals(1.25, Crps.of(f, Outcome.atLeast(2)), 1e-15);
        assertEquals(Crps.of(f, 2), Crps.of(f, Outcome.atLeast(2)), 1e-15);
        assertEquals(1.25, Crps.of(f, Outcome.atMost(-1)), 1e-15);
        // "At least 0.5": only F² on [0, 0.5) counts: 0.25 · 0.5.
        assertEquals(0.125, Crps.of(f, Outcome.atLeast(0.5)), 1e-15);
        Ensemble g = Ensemble.of(new double[] {0, 1, 2, 3});
        // Between 1 and 2: (1/4)² on [0, 1) plus (1/4)² on [2, 3).
        assertEquals(0.125, Crps.of(g, Outcome.between(1, 2)), 1e-15);
        assertEquals(0.0, Crps.of(g, Outcome.between(-1, 3)), 0);
        assertEquals(0.0, Crps.of(g, Outcome.atLeast(0)), 0);
        assertEquals(0.0, Crps.of(g, Outcome.atMost(3)), 0);
        assertEquals(Crps.of(g, 1.3), Crps.of(g, Outcome.exact(1.3)), 0);
    }

    @Test
    void censoredScoreIsTheSmallestOverConsistentValues() {
        UniformRandomProvider rng = Streams.derive(SEED, 3);
        for (int rep = 0; rep < 30; rep++) {
            double[] x = new double[1 + rng.nextInt(30)];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble() * 10;
            }
            Ensemble f = Ensemble.of(x);
            double a = rng.nextDouble() * 10;
            double b = a + rng.nextDouble() * 3;
            double censored = Crps.of(f, Outcome.between(a, b));
            for (int k = 0; k <= 10; k++) {
                double y = a + (b - a) * k / 10;
                assertTrue(censored <= Crps.of(f, y) + 1e-12, "rep " + rep + " y " + y);
            }
            assertTrue(Crps.of(f, Outcome.atLeast(a)) <= Crps.of(f, Outcome.between(a, b)) + 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void normalRejectsInvalidSd(double sd) {
        assertThrows(IllegalArgumentException.class, () -> Crps.normal(0, sd, 0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteObservation(double y) {
        assertThrows(IllegalArgumentException.class, () -> Crps.of(new double[] {1}, y));
    }
}
