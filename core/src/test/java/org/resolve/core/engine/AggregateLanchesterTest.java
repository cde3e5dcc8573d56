package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resolve.core.engine.AttritionLawTest.assertRel;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * The aggregate engine with every process but attrition switched off
 * ({@code engine/lanchester.yaml}) is a Lanchester duel, so its daily {@code status.front} and
 * {@code opponent_strength} must lie on the law's closed-form solution.
 *
 * <p>How the engine maps parameters to the law (read from {@code Attrition.engage} and
 * {@code AttritionLaw.opponentCoefficient}): the per-soldier hazard h x intensity x exposure
 * multiplier (posture exposure x vulnerability x equipment^-eE x intelligence^-eI x ...), and the
 * kill rate g x intensity x equipment x intelligence x (floor + (1 - floor) communication) x terrain x
 * (1 + resolve_weight x effective loyalty) x claimed multiplier, turned into each law's coefficient
 * with the reference force K and the opponent's strength U0: square a = h K / U0, b = g; linear
 * a = h / U0, b = g / U0; logarithmic a = h, b = g K / U0. The fixture makes every factor 1 and
 * K = U0. Day 0 already has combat (no transit, no training, assault from the
 * start) and the series records the state after the day's processes, so day {@code t} of the
 * series is the solution at time {@code t + 1}.
 */
class AggregateLanchesterTest {
    private static final double TOL = 1e-9;
    private static final int N = 10_000;
    private static final double U0 = 12_000;

    private static Scenario duel(String law) {
        return TestScenarios.template("lanchester.yaml", Map.of("attrition_law: square", "attrition_law: " + law));
    }

    private static double[] front(RunResult r) {
        return r.series()[Metric.STATUS_FRONT.ordinal()];
    }

    private static double[] opponent(RunResult r) {
        return r.series()[Metric.OPPONENT_STRENGTH.ordinal()];
    }

    /** Checks the fixture really is a duel: everyone sent is at the front or killed, nothing else. */
    private static void assertPureDuel(RunResult r) {
        for (int t = 0; t < r.days(); t++) {
            assertRel(N, r.value(Metric.SENT, t), 1e-12, "sent on day " + t);
            assertRel(N, r.value(Metric.STATUS_FRONT, t) + r.value(Metric.STATUS_KILLED, t), 1e-12,
                    "front + killed on day " + t);
            for (Metric m : new Metric[] {Metric.STATUS_WOUNDED, Metric.STATUS_RESERVE, Metric.CAPTURED,
                Metric.SURRENDERED, Metric.SELF_KILLED, Metric.DESERTED, Metric.ROTATED_HOME, Metric.WITHDRAWN}) {
                assertEquals(0.0, r.value(m, t), m.key() + " on day " + t);
            }
            assertEquals(1.0, r.value(Metric.INTENSITY, t), "intensity on day " + t);
        }
    }

    @ParameterizedTest(name = "{0} loyalty bins")
    @ValueSource(ints = {1, 6, 32})
    void squareLawFollowsTheClosedForm(int bins) {
        Scenario sc = TestScenarios.resource("lanchester.yaml");
        assertSame(AttritionLaw.SQUARE, sc.attritionLaw());
        double[] p = ParameterSampler.medians(sc);
        double a = p[Param.HAZARD.ordinal()];
        double b = p[Param.OWN_KILL_RATE.ordinal()];
        RunResult r = new AggregateEngine(bins).run(sc, p, 1L, 0);
        assertPureDuel(r);
        double k = Math.sqrt(a * b);
        double invariant0 = b * N * N - a * U0 * U0;
        for (int t = 0; t < r.days(); t++) {
            double time = t + 1;
            double bExact = N * Math.cosh(k * time) - Math.sqrt(a / b) * U0 * Math.sinh(k * time);
            double uExact = U0 * Math.cosh(k * time) - Math.sqrt(b / a) * N * Math.sinh(k * time);
            assertTrue(bExact > 0 && uExact > 0, "fixture must not annihilate within the horizon");
            assertRel(bExact, front(r)[t], TOL, "status.front on day " + t);
            assertRel(uExact, opponent(r)[t], TOL, "opponent_strength on day " + t);
            assertRel(U0 - uExact, r.value(Metric.OPPONENT_CASUALTIES, t), 1e-8, "opponent_casualties on day " + t);
            assertRel(N - bExact, r.value(Metric.KILLED, t), 1e-8, "killed on day " + t);
            double invariant = b * front(r)[t] * front(r)[t] - a * opponent(r)[t] * opponent(r)[t];
            assertRel(invariant0, invariant, TOL, "b B^2 - a U^2 on day " + t);
        }
    }

    @Test
    void eulerSteppingWouldFailTheComparison() {
        // The same duel stepped daily with explicit Euler ends far outside the tolerance above.
        Scenario sc = TestScenarios.resource("lanchester.yaml");
        double[] p = ParameterSampler.medians(sc);
        double a = p[Param.HAZARD.ordinal()];
        double b = p[Param.OWN_KILL_RATE.ordinal()];
        double bb = N;
        double uu = U0;
        for (int t = 0; t < sc.days(); t++) {
            double nb = bb - a * uu;
            uu -= b * bb;
            bb = nb;
        }
        RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1L, 0);
        double engine = r.kpi(Metric.STATUS_FRONT);
        assertTrue(Math.abs(bb - engine) / engine > 1e4 * TOL, "Euler is off by only " + Math.abs(bb - engine) / engine);
    }

    @Test
    void linearLawConservesItsInvariantAndFollowsTheLogisticSolution() {
        Scenario base = duel("linear");
        assertSame(AttritionLaw.LINEAR, base.attritionLaw());
        // The linear law's coefficients are per soldier pair: dB/dt = -a U B. The scenario gives the
        // per-soldier hazard and kill rate against the opponent at full strength U0: a = h / U0,
        // b = g / U0 (AttritionLaw.opponentCoefficient/ownCoefficient), whatever the force's size.
        double a = 4e-7;
        double b = 1e-6;
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.HAZARD, a * U0);
        o.put(Param.OWN_KILL_RATE, b * U0);
        Scenario sc = base.with(o, 0);
        RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, ParameterSampler.medians(sc), 1L, 0);
        assertPureDuel(r);
        double c = b * N - a * U0;
        double scale = b * N + a * U0;
        for (int t = 0; t < r.days(); t++) {
            double time = t + 1;
            double e = Math.exp(-c * time);
            double bExact = c * N / (b * N - a * U0 * e);
            double uExact = c * U0 * e / (b * N - a * U0 * e);
            assertRel(bExact, front(r)[t], TOL, "status.front on day " + t);
            assertRel(uExact, opponent(r)[t], TOL, "opponent_strength on day " + t);
            double invariant = b * front(r)[t] - a * opponent(r)[t];
            assertTrue(Math.abs(invariant - c) <= TOL * scale, "b B - a U on day " + t + ": " + c + " -> " + invariant);
        }
        // Not a trivial fixture: both sides lose a sizeable share.
        assertTrue(r.kpi(Metric.STATUS_FRONT) < 0.8 * N && r.kpi(Metric.OPPONENT_STRENGTH) < 0.5 * U0);
    }

    @Test
    void logarithmicLawIsExponentialDecay() {
        Scenario sc = duel("logarithmic");
        assertSame(AttritionLaw.LOGARITHMIC, sc.attritionLaw());
        double[] p = ParameterSampler.medians(sc);
        // a_log = h, b_log = g K / U0 = g, since the fixture's reference force K is U0.
        double a = p[Param.HAZARD.ordinal()];
        double b = p[Param.OWN_KILL_RATE.ordinal()];
        RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1L, 0);
        assertPureDuel(r);
        for (int t = 0; t < r.days(); t++) {
            assertRel(N * Math.exp(-a * (t + 1)), front(r)[t], TOL, "status.front on day " + t);
            assertRel(U0 * Math.exp(-b * (t + 1)), opponent(r)[t], TOL, "opponent_strength on day " + t);
        }
    }

    @Test
    void coefficientsCarryIntensityExposureVulnerabilityAndEffectiveness() {
        // Off the unit multipliers: a picks up intensity x exposure x vulnerability x
        // equipment^-0.5 x intelligence^-0.4 (the fixture's elasticities), b picks up intensity x
        // equipment x intelligence x claimed multiplier, as Attrition.engage documents.
        Scenario base = TestScenarios.resource("lanchester.yaml");
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.INTENSITY_ASSAULT, 0.7);
        o.put(Param.EFFECT_ASSAULT_EXPOSURE, 1.5);
        o.put(Param.VULNERABILITY_SPECIAL_FORCES, 1.3);
        o.put(Param.EFFECT_EQUIPMENT, 0.5);
        o.put(Param.EFFECT_INTELLIGENCE, 0.8);
        o.put(Param.EFFECT_CLAIMED_MULTIPLIER, 2.0);
        Scenario sc = base.with(o, 0);
        double[] p = ParameterSampler.medians(sc);
        double a = p[Param.HAZARD.ordinal()] * 0.7 * 1.5 * 1.3 * Math.pow(0.5, -0.5) * Math.pow(0.8, -0.4);
        double b = p[Param.OWN_KILL_RATE.ordinal()] * 0.7 * 0.5 * 0.8 * 2.0;
        RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1L, 0);
        double k = Math.sqrt(a * b);
        for (int t = 0; t < r.days(); t++) {
            double time = t + 1;
            double bExact = N * Math.cosh(k * time) - Math.sqrt(a / b) * U0 * Math.sinh(k * time);
            double uExact = U0 * Math.cosh(k * time) - Math.sqrt(b / a) * N * Math.sinh(k * time);
            if (bExact <= 0 || uExact <= 0) {
                break;
            }
            assertRel(bExact, front(r)[t], TOL, "status.front on day " + t);
            assertRel(uExact, opponent(r)[t], TOL, "opponent_strength on day " + t);
        }
    }
}
