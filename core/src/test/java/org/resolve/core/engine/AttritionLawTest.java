package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three laws of {@link AttritionLaw}, each against an independent solution: the square law's
 * closed form (cosh/sinh), a fine fourth-order Runge-Kutta integration of the linear law, and the
 * exponential decay of the logarithmic law. Each law is stepped one day at a time, as the engines
 * step it, so an error that compounds from day to day shows up.
 */
class AttritionLawTest {
    private static final double TOL = 1e-9;

    static void assertRel(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(actual - expected) <= tol * scale,
                () -> what + ": expected " + expected + ", got " + actual + " (relative error "
                        + Math.abs(actual - expected) / scale + " > " + tol + ")");
    }

    /** Steps a law one day at a time; returns {B, U} after each day, index 0 the start. */
    static double[][] daily(AttritionLaw law, double b0, double u0, double a, double b, int days) {
        double[][] path = new double[days + 1][];
        path[0] = new double[] {b0, u0};
        double[] out = new double[2];
        for (int t = 1; t <= days; t++) {
            law.step(path[t - 1][0], path[t - 1][1], a, b, 1.0, out);
            path[t] = out.clone();
        }
        return path;
    }

    @Nested
    class Square {
        /** B(t) = B0 cosh(kt) - sqrt(a/b) U0 sinh(kt), U(t) = U0 cosh(kt) - sqrt(b/a) B0 sinh(kt). */
        double[] closedForm(double b0, double u0, double a, double b, double t) {
            double k = Math.sqrt(a * b);
            return new double[] {
                b0 * Math.cosh(k * t) - Math.sqrt(a / b) * u0 * Math.sinh(k * t),
                u0 * Math.cosh(k * t) - Math.sqrt(b / a) * b0 * Math.sinh(k * t)};
        }

        @ParameterizedTest(name = "B0={0} U0={1} a={2} b={3}")
        @CsvSource({
            // B wins (b B0^2 > a U0^2); annihilation of U only after about 128 days
            "10000, 12000, 0.0045, 0.012",
            // U wins; B annihilated only after about 122 days
            "8000, 15000, 0.005, 0.006",
            // nearly balanced small forces, strong coefficients: kt = 1.47 on day 60, when both
            // sides are down to about a quarter (cancellation in the closed form)
            "210, 250, 0.02, 0.03",
        })
        void sixtyDailyStepsLieOnTheClosedForm(double b0, double u0, double a, double b) {
            double[][] path = daily(AttritionLaw.SQUARE, b0, u0, a, b, 60);
            double invariant0 = b * b0 * b0 - a * u0 * u0;
            for (int t = 1; t <= 60; t++) {
                double[] exact = closedForm(b0, u0, a, b, t);
                assertTrue(exact[0] > 0 && exact[1] > 0, "fixture must not annihilate within 60 days");
                assertRel(exact[0], path[t][0], TOL, "B on day " + t);
                assertRel(exact[1], path[t][1], TOL, "U on day " + t);
                double invariant = b * path[t][0] * path[t][0] - a * path[t][1] * path[t][1];
                assertRel(invariant0, invariant, TOL, "b B^2 - a U^2 on day " + t);
            }
        }

        @Test
        void eulerSteppingWouldNotPass() {
            // The same fixture stepped with explicit Euler misses the closed form by far more than
            // the tolerance: the tests above can tell an exact solver from a first-order one.
            double b0 = 10000, u0 = 12000, a = 0.0045, b = 0.012;
            double bb = b0, uu = u0;
            for (int t = 0; t < 60; t++) {
                double nb = bb - a * uu;
                uu = uu - b * bb;
                bb = nb;
            }
            double exact = closedForm(b0, u0, a, b, 60)[0];
            assertTrue(Math.abs(bb - exact) / exact > 1e4 * TOL, "Euler error " + Math.abs(bb - exact) / exact);
        }

        @Test
        void deployedForceAnnihilatedWithinTheFirstStep() {
            double b0 = 100, u0 = 10000, a = 0.05, b = 0.001;
            double[] out = new double[2];
            AttritionLaw.SQUARE.step(b0, u0, a, b, 1.0, out);
            assertEquals(0.0, out[0]);
            // U at the moment B reaches zero: tanh(k t*) = B0 / (sqrt(a/b) U0).
            double k = Math.sqrt(a * b);
            double tStar = atanh(b0 / (Math.sqrt(a / b) * u0)) / k;
            assertTrue(tStar < 1);
            assertRel(closedForm(b0, u0, a, b, tStar)[1], out[1], TOL, "U when B is annihilated");
            assertRel(Math.sqrt(u0 * u0 - (b / a) * b0 * b0), out[1], TOL, "U from the invariant");
        }

        @Test
        void opponentAnnihilatedWithinTheFirstStep() {
            double b0 = 10000, u0 = 100, a = 0.001, b = 0.05;
            double[] out = new double[2];
            AttritionLaw.SQUARE.step(b0, u0, a, b, 1.0, out);
            assertEquals(0.0, out[1]);
            double k = Math.sqrt(a * b);
            double tStar = atanh(u0 / (Math.sqrt(b / a) * b0)) / k;
            assertTrue(tStar < 1);
            assertRel(closedForm(b0, u0, a, b, tStar)[0], out[0], TOL, "B when U is annihilated");
        }

        @Test
        void annihilationPartWayThroughALaterDayKeepsTheSurvivorOnTheInvariant() {
            // k = 0.01, sqrt(a/b) = 1, tanh(k t*) = 1/3: B is annihilated at t* = 34.66 days.
            double b0 = 1000, u0 = 3000, a = 0.01, b = 0.01;
            double tStar = atanh(1.0 / 3) / 0.01;
            double[][] path = daily(AttritionLaw.SQUARE, b0, u0, a, b, 40);
            for (int t = 1; t <= 34; t++) {
                assertTrue(path[t][0] > 0, "B alive on day " + t);
                assertRel(closedForm(b0, u0, a, b, t)[0], path[t][0], TOL, "B on day " + t);
            }
            double survivor = closedForm(b0, u0, a, b, tStar)[1];
            assertRel(Math.sqrt(u0 * u0 - b0 * b0), survivor, 1e-12, "fixture");
            for (int t = 35; t <= 40; t++) {
                assertEquals(0.0, path[t][0], "B on day " + t);
                assertRel(survivor, path[t][1], TOL, "U on day " + t + " (frozen once B is gone)");
            }
        }

        @Test
        void withoutOpponentFireOnlyTheOpponentLoses() {
            // a = 0: dB/dt = 0, dU/dt = -b B0, so U falls linearly, and stops at zero.
            double[] out = new double[2];
            AttritionLaw.SQUARE.step(1000, 5000, 0, 0.01, 1.0, out);
            assertEquals(1000, out[0]);
            assertRel(5000 - 0.01 * 1000, out[1], 1e-15, "U");
            AttritionLaw.SQUARE.step(1000, 5, 0, 0.01, 1.0, out);
            assertEquals(1000, out[0]);
            assertEquals(0, out[1]);
        }

        @Test
        void withoutOwnFireOnlyTheDeployedForceLoses() {
            double[] out = new double[2];
            AttritionLaw.SQUARE.step(1000, 5000, 0.01, 0, 1.0, out);
            assertRel(1000 - 0.01 * 5000, out[0], 1e-15, "B");
            assertEquals(5000, out[1]);
            AttritionLaw.SQUARE.step(20, 5000, 0.01, 0, 1.0, out);
            assertEquals(0, out[0]);
            assertEquals(5000, out[1]);
        }

        @Test
        void noFireOrNoForceChangesNothing() {
            double[] out = new double[2];
            AttritionLaw.SQUARE.step(1000, 5000, 0, 0, 1.0, out);
            assertEquals(1000, out[0]);
            assertEquals(5000, out[1]);
            AttritionLaw.SQUARE.step(0, 5000, 0.01, 0.02, 1.0, out);
            assertEquals(0, out[0]);
            assertEquals(5000, out[1]);
            AttritionLaw.SQUARE.step(1000, 0, 0.01, 0.02, 1.0, out);
            assertEquals(1000, out[0]);
            assertEquals(0, out[1]);
        }
    }

    @Nested
    class Linear {
        /** dB/dt = -a U B, dU/dt = -b U B, by classical RK4 with step h. */
        double[] rk4(double b0, double u0, double a, double b, double t, int steps) {
            double h = t / steps;
            double x = b0, y = u0;
            for (int i = 0; i < steps; i++) {
                double k1x = -a * x * y, k1y = -b * x * y;
                double x2 = x + h / 2 * k1x, y2 = y + h / 2 * k1y;
                double k2x = -a * x2 * y2, k2y = -b * x2 * y2;
                double x3 = x + h / 2 * k2x, y3 = y + h / 2 * k2y;
                double k3x = -a * x3 * y3, k3y = -b * x3 * y3;
                double x4 = x + h * k3x, y4 = y + h * k3y;
                double k4x = -a * x4 * y4, k4y = -b * x4 * y4;
                x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
                y += h / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
            }
            return new double[] {x, y};
        }

        @ParameterizedTest(name = "B0={0} U0={1} a={2} b={3}")
        @CsvSource({
            // B wins: b B0 - a U0 > 0
            "10000, 12000, 4e-7, 1e-6",
            // U wins: b B0 - a U0 < 0, and strongly (B falls to a few percent)
            "8000, 15000, 3e-6, 1e-6",
            // exactly balanced: b B0 = a U0, the invariant is zero
            "10000, 10000, 1e-6, 1e-6",
        })
        void dailyStepsConserveTheInvariantAndFollowRk4(double b0, double u0, double a, double b) {
            double[][] path = daily(AttritionLaw.LINEAR, b0, u0, a, b, 60);
            double invariant0 = b * b0 - a * u0;
            double scale = b * b0 + a * u0;
            for (int t = 1; t <= 60; t++) {
                double invariant = b * path[t][0] - a * path[t][1];
                // Relative to the size of the terms, since the invariant itself may be zero.
                assertTrue(Math.abs(invariant - invariant0) <= TOL * scale,
                        "b B - a U drifted on day " + t + ": " + invariant0 + " -> " + invariant);
                double[] ref = rk4(b0, u0, a, b, t, 1000 * t);
                assertRel(ref[0], path[t][0], 1e-8, "B on day " + t + " against RK4");
                assertRel(ref[1], path[t][1], 1e-8, "U on day " + t + " against RK4");
            }
        }

        @Test
        void balancedForcesDecayHyperbolically() {
            // b B0 = a U0 (= c 0): dB/dt = -b B^2, so B(t) = B0 / (1 + b B0 t), and likewise U.
            double b0 = 10000, u0 = 5000, a = 2e-6, b = 1e-6;
            double[][] path = daily(AttritionLaw.LINEAR, b0, u0, a, b, 60);
            assertRel(b0 / (1 + b * b0 * 60), path[60][0], TOL, "B");
            assertRel(u0 / (1 + a * u0 * 60), path[60][1], TOL, "U");
        }

        @Test
        void oneSidedFireIsExponentialDecay() {
            double[] out = new double[2];
            AttritionLaw.LINEAR.step(1000, 5000, 0, 1e-5, 3.0, out);
            assertEquals(1000, out[0]);
            assertRel(5000 * Math.exp(-1e-5 * 1000 * 3), out[1], 1e-15, "U with a = 0");
            AttritionLaw.LINEAR.step(1000, 5000, 1e-5, 0, 3.0, out);
            assertRel(1000 * Math.exp(-1e-5 * 5000 * 3), out[0], 1e-15, "B with b = 0");
            assertEquals(5000, out[1]);
            AttritionLaw.LINEAR.step(1000, 5000, 0, 0, 3.0, out);
            assertEquals(1000, out[0]);
            assertEquals(5000, out[1]);
            AttritionLaw.LINEAR.step(0, 5000, 1e-5, 1e-5, 3.0, out);
            assertEquals(0, out[0]);
            assertEquals(5000, out[1]);
        }
    }

    @Nested
    class Logarithmic {
        @Test
        void sixtyDailyStepsAreExactExponentialDecay() {
            double b0 = 10000, u0 = 12000, a = 0.004, b = 0.007;
            double[][] path = daily(AttritionLaw.LOGARITHMIC, b0, u0, a, b, 60);
            for (int t = 1; t <= 60; t++) {
                assertRel(b0 * Math.exp(-a * t), path[t][0], TOL, "B on day " + t);
                assertRel(u0 * Math.exp(-b * t), path[t][1], TOL, "U on day " + t);
            }
        }

        @Test
        void eachSideDecaysWhateverTheOtherSideIs() {
            double[] out1 = new double[2];
            double[] out2 = new double[2];
            AttritionLaw.LOGARITHMIC.step(1000, 5000, 0.01, 0.02, 1.0, out1);
            AttritionLaw.LOGARITHMIC.step(1000, 50, 0.01, 0.02, 1.0, out2);
            assertEquals(out1[0], out2[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(AttritionLaw.class)
    void sixtyOneDayStepsEqualOneSixtyDayStep(AttritionLaw law) {
        double a = law == AttritionLaw.LINEAR ? 4e-7 : 0.0045;
        double b = law == AttritionLaw.LINEAR ? 1e-6 : 0.012;
        double[][] path = daily(law, 10000, 12000, a, b, 60);
        double[] once = new double[2];
        law.step(10000, 12000, a, b, 60.0, once);
        assertRel(once[0], path[60][0], TOL, law + " B");
        assertRel(once[1], path[60][1], TOL, law + " U");
    }

    @ParameterizedTest
    @EnumSource(AttritionLaw.class)
    void keysRoundTrip(AttritionLaw law) {
        assertSame(law, AttritionLaw.byKey(law.key()));
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
