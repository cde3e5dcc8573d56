package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * Capture ({@link Capture}): the wounded who cannot be evacuated can be taken, as both real prisoners
 * of January 2025 were; capture situations come with exposure. Aggregate-mode magnitudes are exact
 * (tolerance 1e-9); the agent-mode check states its false-failure rate.
 */
class CaptureTest {
    private static final double TOL = 1e-9;

    /**
     * The exposure fixture with one path to capture open at a time, everyone fighting on (surrender
     * and self-killing at log-odds -60, probability below 1e-26) and taken alive.
     */
    static Map<Param, Double> open(double situations, double leftBehind) {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.CAPTURE_SITUATIONS_PER_DAY, situations);
        o.put(Param.CAPTURE_WOUNDED_LEFT, leftBehind);
        o.put(Param.SELFKILL_INTERCEPT, -60.0);
        o.put(Param.SURRENDER_INTERCEPT, -60.0);
        o.put(Param.CAPTURE_TAKEN_ALIVE, 1.0);
        return o;
    }

    @Test
    void woundedSoldiersLeftBehindAreTaken() {
        // Day 0: the day's woundings are all new; a share 0.05 x intensity 1 x U/U0 = 1 of them is
        // left behind and, with no self-killing, all are taken alive.
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(open(0, 0.05)));
        assertEquals(0.05 * r.value(Metric.WOUNDINGS, 0), r.value(Metric.CAPTURED, 0), TOL * r.value(Metric.WOUNDINGS, 0));
        // They were casualties already (woundings): capture adds no casualty event.
        RunResult none = AttritionTest.aggregate(AttritionTest.fixture(open(0, 0)));
        assertEquals(none.value(Metric.CASUALTIES, 0), r.value(Metric.CASUALTIES, 0), TOL * none.value(Metric.CASUALTIES, 0));
        assertEquals(0.0, none.kpi(Metric.CAPTURED), "no path to capture open, no prisoner");
        // More left behind, more prisoners.
        RunResult more = AttritionTest.aggregate(AttritionTest.fixture(open(0, 0.1)));
        assertTrue(more.kpi(Metric.CAPTURED) > 1.8 * r.kpi(Metric.CAPTURED));
    }

    @Test
    void loyalSoldiersLeftBehindKillThemselvesRatherThanBeTaken() {
        // With self-killing in the choice (log-odds -1 + 2 x effective loyalty + ...), fewer of the
        // left-behind are taken, and the rest are self-killed.
        Map<Param, Double> o = open(0, 0.05);
        o.put(Param.SELFKILL_INTERCEPT, -1.0);
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(o));
        RunResult taken = AttritionTest.aggregate(AttritionTest.fixture(open(0, 0.05)));
        assertTrue(r.kpi(Metric.SELF_KILLED) > 0);
        assertTrue(r.kpi(Metric.CAPTURED) < 0.6 * taken.kpi(Metric.CAPTURED),
                r.kpi(Metric.CAPTURED) + " taken against " + taken.kpi(Metric.CAPTURED));
    }

    @Test
    void captureSituationsComeWithExposure() {
        // Unwounded soldiers meet capture situations at 1 - exp(-k I x U/U0): an assault (I = 1,
        // x = 1.6) against holding (I = 0.2, x = 1), on day 0 with the opponent at full strength.
        double k = 0.001;
        RunResult assault = AttritionTest.aggregate(AttritionTest.fixture(open(k, 0)));
        Scenario holdingSc = TestScenarios.template("exposure.yaml", Map.of("posture: assault", "posture: holding"))
                .with(open(k, 0), 0);
        RunResult holding = AttritionTest.aggregate(holdingSc);
        double frontA = assault.value(Metric.SENT, 0) - assault.value(Metric.CASUALTIES, 0) + assault.value(Metric.CAPTURED, 0);
        double frontH = holding.value(Metric.SENT, 0) - holding.value(Metric.CASUALTIES, 0) + holding.value(Metric.CAPTURED, 0);
        assertEquals(-Math.expm1(-k * 1.6), assault.value(Metric.CAPTURED, 0) / frontA, TOL);
        assertEquals(-Math.expm1(-k * 0.2), holding.value(Metric.CAPTURED, 0) / frontH, TOL);
    }

    /**
     * Agent mode takes the wounded in the same share: 20 runs of the fixture with 0.05 left behind
     * take about 20 x 5% x 9,000 = 9,000 prisoners of some 180,000 woundings; the pooled share's
     * standard error is sqrt(0.05 x 0.95 / 180,000) = 0.0005 and the test allows 0.0025 (5 standard
     * errors): a chance failure has probability below 1e-6.
     */
    @Test
    void agentsLeftBehindAreTakenInTheSameShare() {
        Scenario sc = AttritionTest.fixture(open(0, 0.05));
        double[] p = ParameterSampler.medians(sc);
        double taken = 0;
        double woundings = 0;
        for (int i = 0; i < 20; i++) {
            RunResult r = new AgentEngine().run(sc, p, Streams.replicationSeed(0x43415054L, i), i); // "CAPT"
            taken += r.kpi(Metric.CAPTURED);
            woundings += r.kpi(Metric.WOUNDINGS);
        }
        assertEquals(0.05, taken / woundings, 0.0025, "root seed 0x43415054");
    }

    /** The decision's probabilities at kursk-2024's medians, for one soldier's reasons. */
    static double[] decision(double doubt, double loyalty, boolean knows, boolean wounded, Map<Param, Double> o) {
        Scenario sc = TestScenarios.bundled("kursk-2024").with(o, 0);
        org.resolve.core.engine.Sector s = new org.resolve.core.engine.Sector(sc, ParameterSampler.medians(sc));
        double[] out = new double[2];
        Capture.choice(s, doubt, loyalty, knows, wounded, out);
        return out;
    }

    @Test
    void theDecisionAtCaptureFollowsTheArticlesReasons() {
        Map<Param, Double> none = Map.of();
        double[] base = decision(0.1, 0.85, false, false, none);
        // Probabilities, with fighting on the rest.
        assertTrue(base[0] > 0 && base[1] > 0 && base[0] + base[1] < 1);
        // Exactly the documented mixture of two multinomial logits: persuaded with probability
        // doubt (0.1), not persuaded otherwise.
        Scenario sc = TestScenarios.bundled("kursk-2024");
        double[] p = ParameterSampler.medians(sc);
        double[] expected = new double[2];
        for (int persuaded = 0; persuaded < 2; persuaded++) {
            double us = p[Param.SURRENDER_INTERCEPT.ordinal()] + persuaded * p[Param.SURRENDER_DOUBT.ordinal()]
                    - p[Param.SURRENDER_LOYALTY.ordinal()] * 0.85
                    - p[Param.SURRENDER_REPRISAL_FEAR.ordinal()] * p[Param.REPRISAL_BELIEF.ordinal()];
            double uk = p[Param.SELFKILL_INTERCEPT.ordinal()] + p[Param.SELFKILL_LOYALTY.ordinal()] * 0.85
                    + p[Param.SELFKILL_VALORISATION.ordinal()] * p[Param.FAMILY_VALORISATION.ordinal()]
                    + p[Param.SELFKILL_REPRISAL.ordinal()] * p[Param.REPRISAL_BELIEF.ordinal()]
                    - persuaded * p[Param.SELFKILL_DOUBT.ordinal()];
            double z = 1 + Math.exp(us) + Math.exp(uk);
            double w = persuaded == 1 ? 0.1 : 0.9;
            expected[0] += w * Math.exp(us) / z;
            expected[1] += w * Math.exp(uk) / z;
        }
        assertEquals(expected[0], base[0], 1e-12);
        assertEquals(expected[1], base[1], 1e-12);
        // Each reason in its direction.
        double[] doubting = decision(0.6, 0.85, false, false, none);
        assertTrue(doubting[0] > 5 * base[0] && doubting[1] < base[1], "doubt: surrender up, self-killing down");
        double[] knowing = decision(0.1, 0.85, true, false, none);
        assertTrue(knowing[0] > 10 * base[0], "knowing a safe way raises surrender");
        double[] wounded = decision(0.1, 0.85, false, true, none);
        assertTrue(wounded[0] > 3 * base[0], "the wounded left behind surrender more");
        double[] loyal = decision(0.1, 1.0, false, false, none);
        double[] lax = decision(0.1, 0.3, false, false, none);
        assertTrue(loyal[1] > lax[1] && loyal[0] < lax[0], "loyalty: self-killing up, surrender down");
        double[] fearful = decision(0.1, 0.85, false, false, Map.of(Param.REPRISAL_BELIEF, 1.0));
        double[] unafraid = decision(0.1, 0.85, false, false, Map.of(Param.REPRISAL_BELIEF, 0.0));
        assertTrue(fearful[0] < unafraid[0] && fearful[1] > unafraid[1], "belief in reprisals: surrender down, self-killing up");
        double[] honoured = decision(0.1, 0.85, false, false, Map.of(Param.FAMILY_VALORISATION, 1.0));
        double[] unhonoured = decision(0.1, 0.85, false, false, Map.of(Param.FAMILY_VALORISATION, 0.0));
        assertTrue(honoured[1] > unhonoured[1], "what the family gains from a death: self-killing up");
    }

    @Test
    void onlySoldiersWhoKnowAProcedureSurrenderByChoice() {
        // kursk-2024 has no campaign: nobody learns the procedure, nobody surrenders by choice,
        // whatever the chances to do so. The persuasion campaign teaches it, and some use it.
        Map<Param, Double> chances = Map.of(Param.SURRENDER_OPPORTUNITIES, 0.5);
        Scenario base = TestScenarios.bundled("kursk-2024").with(chances, 0);
        Scenario campaign = TestScenarios.bundled("kursk-2024-persuasion").with(chances, 0);
        assertEquals(0.0, AttritionTest.kpi(base, Metric.SURRENDERED_BY_CHOICE));
        assertTrue(AttritionTest.kpi(campaign, Metric.SURRENDERED_BY_CHOICE) > 10);
        // More chances, more surrenders by choice; none without chances.
        Scenario fewer = TestScenarios.bundled("kursk-2024-persuasion").with(Map.of(Param.SURRENDER_OPPORTUNITIES, 0.0), 0);
        assertEquals(0.0, AttritionTest.kpi(fewer, Metric.SURRENDERED_BY_CHOICE));
    }
}
