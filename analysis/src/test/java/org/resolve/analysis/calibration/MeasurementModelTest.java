package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationKind;
import org.resolve.core.observation.Quantity;

/** The likelihood of one observation against closed forms, and the effects of kind and bias. */
class MeasurementModelTest {
    private static final double NONE = Double.NaN;
    private static final LocalDate DATE = LocalDate.of(2024, 12, 23);
    private static final MeasurementModel UNBIASED = MeasurementModel.of(MeasurementPriors.DEFAULT);
    private static final double EPS = 1e-12;

    static Observation obs(String claimant, ObservationKind kind, double low, double high) {
        return Observation.synthetic("T", DATE, claimant, Quantity.CASUALTIES_TOTAL, kind, low, high, 0, "test");
    }

    /** ln X ~ Normal(ln(b y), s): the censored probabilities computed on the log scale directly. */
    private static NormalDistribution logReport(double bias, double y, double s) {
        return NormalDistribution.of(Math.log(bias * y), s);
    }

    @Test
    void censoredKindsAreTheClosedFormProbabilities() {
        MeasurementModel m = UNBIASED.with("Ukraine President Zelensky", new ClaimantError(1.3, 0.4));
        String c = "Ukraine President Zelensky";
        double y = 2500;
        NormalDistribution n = logReport(1.3, y, 0.4);
        assertAll(
                () -> assertEquals(Math.log(n.survivalProbability(Math.log(3000))),
                        m.logLikelihood(obs(c, ObservationKind.LOWER, 3000, NONE), y), EPS),
                () -> assertEquals(Math.log(n.cumulativeProbability(Math.log(8000))),
                        m.logLikelihood(obs(c, ObservationKind.UPPER, 0, 8000), y), EPS),
                () -> assertEquals(Math.log(n.cumulativeProbability(Math.log(8000))),
                        m.logLikelihood(obs(c, ObservationKind.UPPER, NONE, 8000), y), EPS),
                () -> assertEquals(Math.log(n.cumulativeProbability(Math.log(999)) - n.cumulativeProbability(Math.log(200))),
                        m.logLikelihood(obs(c, ObservationKind.RANGE, 200, 999), y), 1e-9),
                () -> assertEquals(0.0, m.logLikelihood(obs(c, ObservationKind.LOWER, 0, NONE), y), "at least 0 is certain"));
    }

    @Test
    void pointIsTheLogNormalDensityAndApproxUsesTwiceTheLogSd() {
        double y = 1000;
        double x = 1100;
        double s = MeasurementPriors.DEFAULT.pointLogSd();
        assertAll(
                () -> assertEquals(LogNormalDistribution.of(Math.log(y), s).logDensity(x),
                        UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, x, x), y), EPS),
                () -> assertEquals(LogNormalDistribution.of(Math.log(y), 2 * s).logDensity(x),
                        UNBIASED.logLikelihood(obs("A", ObservationKind.APPROX, x, NONE), y), EPS),
                () -> assertEquals(2 * s, UNBIASED.logSd("A", ObservationKind.APPROX), EPS),
                () -> assertEquals(s, UNBIASED.logSd("A", ObservationKind.LOWER), EPS));
    }

    @Test
    void approxIsWiderThanPoint() {
        double y = 1000;
        // Near the model value a point figure is more likely; far from it an approx one is.
        double nearPoint = UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, 1000, 1000), y);
        double nearApprox = UNBIASED.logLikelihood(obs("A", ObservationKind.APPROX, 1000, 1000), y);
        double farPoint = UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, 3000, 3000), y);
        double farApprox = UNBIASED.logLikelihood(obs("A", ObservationKind.APPROX, 3000, 3000), y);
        assertTrue(nearPoint > nearApprox, nearPoint + " vs " + nearApprox);
        assertTrue(farApprox > farPoint, farApprox + " vs " + farPoint);
        // The curvature in ln y of an approx figure is a quarter of a point's (log-sd doubled).
        double h = 0.01;
        double cp = curvature(ObservationKind.POINT, 1000, h);
        double ca = curvature(ObservationKind.APPROX, 1000, h);
        assertEquals(0.25, ca / cp, 1e-6);
    }

    private static double curvature(ObservationKind k, double x, double h) {
        Observation o = obs("A", k, x, x);
        return UNBIASED.logLikelihood(o, x * Math.exp(h)) - 2 * UNBIASED.logLikelihood(o, x)
                + UNBIASED.logLikelihood(o, x * Math.exp(-h));
    }

    @Test
    void biasMovesTheLikelihoodsPeakToFigureOverBias() {
        Observation o = obs("South Korea JCS", ObservationKind.POINT, 1000, 1000);
        assertEquals(1000, argmaxY(UNBIASED, o));
        assertEquals(500, argmaxY(UNBIASED.withBias("South Korea JCS", 2.0), o), "overstating by 2");
        assertEquals(2000, argmaxY(UNBIASED.withBias("South Korea JCS", 0.5), o), "understating by 2");
        assertEquals(1000, argmaxY(UNBIASED.withBias("Ukraine HUR", 2.0), o), "another claimant's bias");
    }

    private static int argmaxY(MeasurementModel m, Observation o) {
        int best = -1;
        double bestLl = Double.NEGATIVE_INFINITY;
        for (int y = 100; y <= 4000; y++) {
            double ll = m.logLikelihood(o, y);
            if (ll > bestLl) {
                bestLl = ll;
                best = y;
            }
        }
        return best;
    }

    @Test
    void biasMakesBoundsMoreOrLessLikely() {
        Observation atLeast = obs("Ukraine President Zelensky", ObservationKind.LOWER, 3000, NONE);
        double unbiased = UNBIASED.logLikelihood(atLeast, 1100);
        double overstating = UNBIASED.withBias("Ukraine President Zelensky", 3.0).logLikelihood(atLeast, 1100);
        assertTrue(overstating > unbiased, overstating + " vs " + unbiased);
    }

    @Test
    void nothingInTheModelOrAReportedZeroStaysFinite() {
        double floorLl = UNBIASED.logLikelihood(obs("A", ObservationKind.APPROX, 2000, 2000), 0);
        assertTrue(Double.isFinite(floorLl), "a model value of 0 is raised to the floor");
        assertEquals(floorLl, UNBIASED.logLikelihood(obs("A", ObservationKind.APPROX, 2000, 2000), 1.0), EPS);
        double s = MeasurementPriors.DEFAULT.pointLogSd();
        assertEquals(Math.log(NormalDistribution.of(Math.log(10), s).cumulativeProbability(Math.log(0.5))),
                UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, 0, 0), 10), EPS, "'none' is fewer than half");
        assertThrows(IllegalArgumentException.class, () -> UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, 1, 1), Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> UNBIASED.logLikelihood(obs("A", ObservationKind.POINT, 1, 1), Double.POSITIVE_INFINITY));
        assertFalse(Double.isNaN(UNBIASED.logLikelihood(obs("A", ObservationKind.RANGE, 1e6, 2e6), 1)), "far tails: -inf, never NaN");
    }

    @Test
    void claimantsShareABiasByTheirKey() {
        MeasurementModel m = UNBIASED.withBias("South Korea NIS", 1.7);
        assertAll(
                () -> assertEquals(1.7, m.error("South Korea NIS (via lawmakers)").bias()),
                () -> assertEquals(1.7, m.error("  South Korea   NIS ").bias()),
                () -> assertEquals(1.0, m.error("South Korea JCS").bias()),
                () -> assertEquals("Ukraine HUR", Claimants.key("Ukraine HUR (I Want to Live)")),
                () -> assertEquals("Ukraine HUR", Claimants.key("Ukraine HUR (intercept)")),
                () -> assertEquals("Ukraine HUR; ISW", Claimants.key("Ukraine HUR; ISW")),
                () -> assertEquals("US State Department", Claimants.key("US State Department (Blinken)")),
                () -> assertEquals("(anonymous)", Claimants.key("(anonymous)")),
                () -> assertEquals(List.of("South Korea NIS"), List.copyOf(m.claimants().keySet())));
    }

    @Test
    void theBiasPriorIsLogNormalWithMedianOne() {
        MeasurementModel m = UNBIASED.withBias("A", 1.5).withBias("B", 0.8);
        LogNormalDistribution prior = LogNormalDistribution.of(0, MeasurementPriors.DEFAULT.biasLogSd());
        assertEquals(prior.logDensity(1.5) + prior.logDensity(0.8), m.logPrior(), EPS);
        assertEquals(0.0, UNBIASED.logPrior());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void priorsAndErrorsRejectInvalidScales(double bad) {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new MeasurementPriors(bad, 0.25, 2, 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> new MeasurementPriors(0.5, bad, 2, 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> new MeasurementPriors(0.5, 0.25, bad, 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> new MeasurementPriors(0.5, 0.25, 2, bad)),
                () -> assertThrows(IllegalArgumentException.class, () -> new ClaimantError(bad, 0.25)),
                () -> assertThrows(IllegalArgumentException.class, () -> new ClaimantError(1, bad)));
        assertThrows(IllegalArgumentException.class, () -> new MeasurementPriors(0.5, 0.25, 0.9, 1), "approx narrower than point");
    }
}
