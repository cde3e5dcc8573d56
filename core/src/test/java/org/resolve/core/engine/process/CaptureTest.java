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

    /** The exposure fixture with one path to capture open at a time, no self-killing, all taken alive. */
    static Map<Param, Double> open(double situations, double leftBehind) {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.CAPTURE_SITUATIONS_PER_DAY, situations);
        o.put(Param.CAPTURE_WOUNDED_LEFT, leftBehind);
        o.put(Param.SELFKILL_MAX, 0.0);
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
        // Self-killing at selfkill.max x effective loyalty: with it on, fewer of the left-behind are
        // taken, and the rest are self-killed, not added to the dead otherwise.
        Map<Param, Double> o = open(0, 0.05);
        o.put(Param.SELFKILL_MAX, 0.8);
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
}
