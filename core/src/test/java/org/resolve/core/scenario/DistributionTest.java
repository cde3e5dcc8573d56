package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quantiles of every distribution kind against closed forms or Commons Statistics. All checks are
 * deterministic (a fixed grid of probabilities), so none fails by chance.
 */
class DistributionTest {
    private static final double TOL = 1e-12;
    private static final double[] GRID = DoubleStream.iterate(0, u -> u < 1, u -> u + 0.01).toArray();
    private static final NormalDistribution STD = NormalDistribution.of(0, 1);

    @Test
    void fixedIsItsValueEverywhere() {
        Distribution d = new Distribution.Fixed(2000);
        for (double u : GRID) {
            assertEquals(2000, d.quantile(u));
        }
        assertTrue(d.fixed());
        assertEquals("2000", d.describe());
    }

    @Test
    void uniformIsLinear() {
        Distribution d = new Distribution.Uniform(0.3, 0.9);
        for (double u : GRID) {
            assertEquals(0.3 + u * 0.6, d.quantile(u), TOL);
        }
        assertEquals(0.3, d.quantile(0));
        assertEquals("uniform(0.3, 0.9)", d.describe());
    }

    @Test
    void triangularMatchesTheClosedForm() {
        double a = 0.8;
        double c = 0.9;
        double b = 0.95;
        Distribution d = new Distribution.Triangular(a, c, b);
        double fc = (c - a) / (b - a);
        for (double u : GRID) {
            double closed = u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
            assertEquals(closed, d.quantile(u), 1e-9, "u=" + u);
            assertEquals(TriangularDistribution.of(a, c, b).inverseCumulativeProbability(u), d.quantile(u), TOL);
        }
        assertEquals(c, d.quantile(fc), 1e-9, "the mode sits at F(mode) = (mode - low) / (high - low)");
    }

    @Test
    void triangularWithTheModeAtAnEndAndADegenerateOne() {
        Distribution left = new Distribution.Triangular(0, 0, 1); // F(x) = 1 - (1 - x)^2
        Distribution right = new Distribution.Triangular(0, 1, 1); // F(x) = x^2
        for (double u : GRID) {
            assertEquals(1 - Math.sqrt(1 - u), left.quantile(u), 1e-9);
            assertEquals(Math.sqrt(u), right.quantile(u), 1e-9);
        }
        assertEquals(5, new Distribution.Triangular(5, 5, 5).quantile(0.3));
    }

    @Test
    void normalWithoutBoundsIsCommonsStatistics() {
        Distribution d = new Distribution.Normal(-1, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (double u : GRID) {
            if (u > 0) {
                assertEquals(-1 + 0.5 * STD.inverseCumulativeProbability(u), d.quantile(u), 1e-9);
            }
        }
        assertEquals(-1, d.quantile(0.5), TOL);
        assertEquals("normal(-1, 0.5)", d.describe());
    }

    @Test
    void truncatedNormalHasTheTruncatedCdf() {
        // F_T(x) = (Phi(x) - Phi(a)) / (Phi(b) - Phi(a)) on [a, b]; the quantile must invert it.
        double mean = 10;
        double sd = 4;
        double a = 8;
        double b = 20;
        NormalDistribution n = NormalDistribution.of(mean, sd);
        Distribution d = new Distribution.Normal(mean, sd, a, b);
        double pa = n.cumulativeProbability(a);
        double pb = n.cumulativeProbability(b);
        for (double u : GRID) {
            double x = d.quantile(u);
            assertTrue(x >= a && x <= b, "u=" + u + " gave " + x);
            assertEquals(u, (n.cumulativeProbability(x) - pa) / (pb - pa), 1e-9, "u=" + u);
        }
        assertEquals(a, d.quantile(0), 1e-12);
        assertEquals("normal(10, 4) on [8, 20]", d.describe());
    }

    @Test
    void normalTruncatedBelowOnlyStaysAboveItsBound() {
        Distribution d = new Distribution.Normal(0, 1, 0, Double.POSITIVE_INFINITY); // the half-normal
        for (double u : GRID) {
            // Half-normal: Q(u) = Phi^-1((1 + u) / 2).
            assertEquals(STD.inverseCumulativeProbability((1 + u) / 2), d.quantile(u), 1e-9, "u=" + u);
        }
    }

    @Test
    void normalTruncatedFarInTheUpperTailIsNotStuckAtItsUpperBound() {
        // Phi(8.5) rounds to 1 in double precision; the quantile must use the survival function there.
        NormalDistribution n = NormalDistribution.of(0, 1);
        Distribution d = new Distribution.Normal(0, 1, 8.5, 9);
        double sa = n.survivalProbability(8.5);
        double sb = n.survivalProbability(9);
        assertEquals(8.5, d.quantile(0), 1e-12);
        for (double u : GRID) {
            double x = d.quantile(u);
            assertEquals(u, (sa - n.survivalProbability(x)) / (sa - sb), 1e-9, "u=" + u + " gave " + x);
        }
        Distribution mirrored = new Distribution.Normal(0, 1, -9, -8.5);
        for (double u : GRID) {
            assertEquals(-d.quantile(1 - u), mirrored.quantile(u), 1e-9, "the lower tail mirrors the upper, u=" + u);
        }
    }

    @Test
    void aWindowWithoutRepresentableProbabilityFailsInsteadOfGivingItsBound() {
        // issue 13, item 9: these once gave 200, 60 and 1e-20 at every probability
        for (Distribution d : List.of(new Distribution.LogNormal(1, 0.1, 100, 200), new Distribution.Normal(0, 1, 50, 60),
                new Distribution.LogNormal(1, 0.1, 1e-30, 1e-20), new Distribution.Normal(0, 1, 0, 1e-17))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.quantile(0.5), d::describe);
            assertTrue(e.getMessage().contains("too little to sample in double precision"), e.getMessage());
        }
        // a narrow window far in a tail, which double precision does resolve, is still sampled
        assertTrue(new Distribution.Normal(0, 1, 20, 21).quantile(0.5) > 20);
    }

    @Test
    void betaShapesOutsideTheAccurateRangeFailInsteadOfGivingAConstant() {
        // issue 13, items 6 and 9: Beta(1e-300, 1e-300) gave 0.5 at every probability (not 0 or
        // 1), Beta(1e300, 1e300) failed deep inside the quantile with a FractionException
        for (Distribution d : List.of(new Distribution.Beta(1e-300, 1e-300, 0, 1), new Distribution.Beta(1e300, 1e300, 0, 1),
                new Distribution.Beta(2, Distribution.MAX_BETA_SHAPE * 2, 0, 1), new Distribution.Beta(Double.NaN, 1, 0, 1))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.quantile(0.25), d::describe);
            assertTrue(e.getMessage().contains("cannot be sampled in double precision"), e.getMessage());
        }
        Distribution edge = new Distribution.Beta(Distribution.MIN_BETA_SHAPE, Distribution.MIN_BETA_SHAPE, 0, 1);
        assertTrue(edge.quantile(0.25) < 1e-300, "almost all the probability is at 0 and 1: " + edge.quantile(0.25));
        assertTrue(edge.quantile(0.75) > 1 - 1e-15, "and at 1: " + edge.quantile(0.75));
        Distribution narrow = new Distribution.Beta(Distribution.MAX_BETA_SHAPE, Distribution.MAX_BETA_SHAPE, 0, 1);
        assertTrue(narrow.quantile(0.25) < 0.5 && narrow.quantile(0.75) > 0.5, "still a spread around 0.5");
    }

    @Test
    void unboundedTailsGiveFiniteValuesAtZero() {
        // u = 0 is a valid input (nextDouble() can return it; quasi-random designs start there).
        Distribution normal = new Distribution.Normal(-1, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        Distribution below = new Distribution.Normal(-1, 0.5, Double.NEGATIVE_INFINITY, 3);
        Distribution lognormal = new Distribution.LogNormal(1.5, 0.3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertTrue(Double.isFinite(normal.quantile(0)), "normal: " + normal.quantile(0));
        assertTrue(Double.isFinite(below.quantile(0)), "normal below 3: " + below.quantile(0));
        assertTrue(normal.quantile(0) < normal.quantile(1e-300));
        assertTrue(lognormal.quantile(0) > 0, "a log-normal value is positive: " + lognormal.quantile(0));
        assertTrue(Double.isFinite(normal.quantile(Math.nextDown(1.0))));
    }

    @Test
    void lognormalIsTheMedianTimesAnExponential() {
        double median = 0.0045;
        double sigma = 0.4;
        Distribution d = new Distribution.LogNormal(median, sigma, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (double u : GRID) {
            if (u > 0) {
                double closed = median * Math.exp(sigma * STD.inverseCumulativeProbability(u));
                assertEquals(closed, d.quantile(u), closed * 1e-9, "u=" + u);
            }
        }
        assertEquals(median, d.quantile(0.5), 1e-15);
        assertEquals(0, d.lower(), "a log-normal cannot go below 0 even without a lower bound");
        assertEquals(Double.POSITIVE_INFINITY, d.upper());
    }

    @Test
    void truncatedLognormalStaysWithinItsBounds() {
        Distribution d = new Distribution.LogNormal(1, 1, 0.5, 2);
        double pa = STD.cumulativeProbability(Math.log(0.5));
        double pb = STD.cumulativeProbability(Math.log(2));
        for (double u : GRID) {
            double x = d.quantile(u);
            assertEquals(u, (STD.cumulativeProbability(Math.log(x)) - pa) / (pb - pa), 1e-9, "u=" + u);
        }
        assertEquals(0.5, d.lower());
        assertEquals(2, d.upper());
    }

    @Test
    void betaMatchesClosedFormsAndCommonsStatistics() {
        Distribution b11 = new Distribution.Beta(1, 1, 0, 1);
        Distribution b21 = new Distribution.Beta(2, 1, 0, 1); // F(x) = x^2
        Distribution b12 = new Distribution.Beta(1, 2, 0, 1); // F(x) = 1 - (1 - x)^2
        Distribution b21scaled = new Distribution.Beta(2, 1, 10, 20);
        Distribution b130 = new Distribution.Beta(1, 30, 0, 1); // F(x) = 1 - (1 - x)^30
        Distribution general = new Distribution.Beta(2.5, 7.5, 0, 1);
        BetaDistribution ref = BetaDistribution.of(2.5, 7.5);
        for (double u : GRID) {
            assertEquals(u, b11.quantile(u), 1e-9);
            assertEquals(Math.sqrt(u), b21.quantile(u), 1e-9);
            assertEquals(1 - Math.sqrt(1 - u), b12.quantile(u), 1e-9);
            assertEquals(10 + 10 * Math.sqrt(u), b21scaled.quantile(u), 1e-8);
            assertEquals(1 - Math.pow(1 - u, 1.0 / 30), b130.quantile(u), 1e-9);
            assertEquals(ref.inverseCumulativeProbability(u), general.quantile(u), TOL);
        }
        assertEquals("beta(2, 1) on [10, 20]", b21scaled.describe());
        assertEquals("beta(1, 2)", b12.describe());
    }

    @Test
    void mixturePicksAComponentByWeightAndRescalesWithinIt() {
        Distribution.Mixture m = mixture(0.25, new Distribution.Uniform(0, 1), 0.75, new Distribution.Uniform(10, 20));
        for (double u : GRID) {
            double expected = u < 0.25 ? u / 0.25 : 10 + 10 * (u - 0.25) / 0.75;
            assertEquals(expected, m.quantile(u), 1e-9, "u=" + u);
        }
        assertEquals(0, m.lower());
        assertEquals(20, m.upper());
        assertEquals("mixture(0.25 x uniform(0, 1) [a]; 0.75 x uniform(10, 20) [b])", m.describe());
    }

    @Test
    void mixtureWeightsAreUsedRelativeToTheirSum() {
        Distribution.Mixture scaled = mixture(1, new Distribution.Uniform(0, 1), 3, new Distribution.Uniform(10, 20));
        Distribution.Mixture unit = mixture(0.25, new Distribution.Uniform(0, 1), 0.75, new Distribution.Uniform(10, 20));
        for (double u : GRID) {
            assertEquals(unit.quantile(u), scaled.quantile(u), 1e-12);
        }
    }

    @Test
    void aStratifiedGridThroughAMixtureHasTheMixtureCdf() {
        // One uniform gives one draw: n evenly spaced u must reproduce F(x) = sum w_i F_i(x) to 1/n.
        Distribution.Mixture m = mixture(0.5, new Distribution.Triangular(0.8, 0.9, 0.95), 0.5, new Distribution.Uniform(0.5, 0.95));
        int n = 20_000;
        double[] draws = new double[n];
        for (int i = 0; i < n; i++) {
            draws[i] = m.quantile((i + 0.5) / n);
        }
        TriangularDistribution tri = TriangularDistribution.of(0.8, 0.9, 0.95);
        for (double x : new double[] {0.55, 0.7, 0.82, 0.88, 0.9, 0.93}) {
            double cdf = 0.5 * tri.cumulativeProbability(x) + 0.5 * Math.min(1, Math.max(0, (x - 0.5) / 0.45));
            long below = DoubleStream.of(draws).filter(v -> v <= x).count();
            assertEquals(cdf, below / (double) n, 2.0 / n, "F(" + x + ")");
        }
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(new Distribution.Fixed(3)),
                Arguments.of(new Distribution.Uniform(-2, 5)),
                Arguments.of(new Distribution.Triangular(1, 4, 9)),
                Arguments.of(new Distribution.Normal(0, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)),
                Arguments.of(new Distribution.Normal(0.5, 0.2, 0, 1)),
                Arguments.of(new Distribution.LogNormal(0.012, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)),
                Arguments.of(new Distribution.LogNormal(100, 2, 1, 1000)),
                Arguments.of(new Distribution.Beta(0.5, 0.5, 0, 1)),
                Arguments.of(new Distribution.Beta(3, 2, -1, 1)),
                Arguments.of(mixture(0.5, new Distribution.Uniform(0.08, 0.15), 0.5, new Distribution.Uniform(0.4, 0.66))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void quantilesAreFiniteNonDecreasingAndWithinTheSupport(Distribution d) {
        double[] us = DoubleStream.concat(DoubleStream.of(GRID), DoubleStream.of(1e-12, 0.999999, Math.nextDown(1.0))).sorted().toArray();
        double prev = Double.NEGATIVE_INFINITY;
        for (double u : us) {
            double x = d.quantile(u);
            String what = d.describe() + " at u=" + u + " gave " + x;
            assertTrue(Double.isFinite(x), what);
            assertTrue(x >= d.lower() && x <= d.upper(), what + ", outside [" + d.lower() + ", " + d.upper() + "]");
            assertTrue(x >= prev, what + ", below the previous " + prev);
            prev = x;
        }
    }

    @Test
    void numbersArePrintedWithoutNoise() {
        assertAll(
                () -> assertEquals("2000", Distribution.fmt(2000.0)),
                () -> assertEquals("-1", Distribution.fmt(-1.0)),
                () -> assertEquals("0.0045", Distribution.fmt(0.0045)),
                () -> assertEquals("0.333333", Distribution.fmt(1.0 / 3)),
                () -> assertEquals("2e-5", Distribution.fmt(0.00002)),
                () -> assertEquals("1e15", Distribution.fmt(1e15)));
    }

    private static Distribution.Mixture mixture(double w1, Distribution d1, double w2, Distribution d2) {
        return new Distribution.Mixture(List.of(new Distribution.Component(w1, d1, List.of("a"), "first"),
                new Distribution.Component(w2, d2, List.of("b"), "second")));
    }
}
