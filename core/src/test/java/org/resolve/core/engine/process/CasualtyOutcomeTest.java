package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Distribution;
import org.resolve.core.scenario.Scenario;

/**
 * One casualty accounting ({@link CasualtyOutcome}): the share of casualties who die is what the
 * kill-share mixture sets, outright deaths and deaths of wounds together, never added twice; soldiers
 * wounded (people) and woundings (events) are apart; the surviving wounded go home with the
 * repatriated share. Fixture {@code engine/exposure.yaml} (no capture: every casualty comes from
 * attrition). Aggregate-mode identities are exact (tolerance 1e-9); the agent-mode test states its
 * false-failure rate.
 */
class CasualtyOutcomeTest {
    private static final double TOL = 1e-9;

    /** The kill-share mixture's branches in kursk-2024, each at its own median. */
    static List<Double> branches() {
        Distribution d = TestScenarios.bundled("kursk-2024").spec(Param.KILL_SHARE).distribution();
        Distribution.Mixture m = (Distribution.Mixture) d;
        return m.components().stream().map(c -> c.distribution().quantile(0.5)).toList();
    }

    static Map<Param, Double> withDeathShare(double d) {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.KILL_SHARE, d);
        return o;
    }

    /**
     * Deaths the casualties of a run end in, counting each soldier still in care by his chance to die
     * of his wounds (q = D w / (1 - D (1 - w))).
     */
    static double eventualDeaths(RunResult r, double d, double w) {
        double q = d * w / (1 - d * (1 - w));
        return r.kpi(Metric.STATUS_KILLED) + r.kpi(Metric.STATUS_DIED_OF_WOUNDS) + q * r.kpi(Metric.STATUS_WOUNDED);
    }

    @ParameterizedTest(name = "kill share {0}")
    @MethodSource("branches")
    void theShareOfCasualtiesWhoDieIsTheMixturesBranch(double d) {
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(withDeathShare(d)));
        double casualties = r.kpi(Metric.CASUALTIES);
        assertTrue(casualties > 1000, "fixture too quiet: " + casualties);
        assertEquals(d, eventualDeaths(r, d, 0.2) / casualties, TOL * 10, "deaths per casualty");
        // Some of them died of wounds, in the share w = 0.2 of all deaths once care is over.
        assertTrue(r.kpi(Metric.STATUS_DIED_OF_WOUNDS) > 0);
        // Killed outright: exactly D (1 - w) of the casualties.
        assertEquals(d * 0.8, r.kpi(Metric.STATUS_KILLED) / casualties, TOL * 10, "killed outright per casualty");
    }

    @ParameterizedTest(name = "kill share {0}")
    @MethodSource("branches")
    void agentsDieInTheSameShare(double d) {
        // 20 agent runs pooled: about 20 x 9,000 casualty events; the share's standard error is at
        // most sqrt(0.25 / 180,000) = 0.0012 (plus the small spread of the in-care term). The test
        // allows 0.006, about 5 standard errors: a chance failure has probability below 1e-6.
        Scenario sc = AttritionTest.fixture(withDeathShare(d));
        double[] p = ParameterSampler.medians(sc);
        double deaths = 0;
        double casualties = 0;
        for (int i = 0; i < 20; i++) {
            long seed = Streams.replicationSeed(0x4B494C4CL, i); // "KILL"
            RunResult r = new AgentEngine().run(sc, p, seed, i);
            deaths += eventualDeaths(r, d, 0.2);
            casualties += r.kpi(Metric.CASUALTIES);
        }
        assertEquals(d, deaths / casualties, 0.006, "agent mode deaths per casualty (root seed 0x4B494C4C)");
    }

    @Test
    void woundedSoldiersAndWoundingsAreCountedApart() {
        // Care of 3 days and nobody sent home: the wounded return to the assault and many are hit
        // again, so woundings (events) exceed soldiers wounded (people).
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.WOUNDED_CARE_DAYS, 3.0);
        o.put(Param.WOUNDED_REPATRIATED_SHARE, 0.0);
        o.put(Param.HAZARD, 0.02);
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(o));
        double people = r.kpi(Metric.WOUNDED);
        double events = r.kpi(Metric.WOUNDINGS);
        assertTrue(events > 1.2 * people, events + " woundings of " + people + " soldiers");
        assertTrue(people <= r.kpi(Metric.SENT), people + " wounded of " + r.kpi(Metric.SENT) + " sent");
        // With nobody leaving care, nobody is wounded twice: the two counts agree exactly.
        o.put(Param.WOUNDED_CARE_DAYS, 1e300);
        RunResult once = AttritionTest.aggregate(AttritionTest.fixture(o));
        assertEquals(once.kpi(Metric.WOUNDINGS), once.kpi(Metric.WOUNDED), TOL * once.kpi(Metric.WOUNDINGS));
        // Agent mode: people never outnumber events, nor soldiers sent.
        Scenario sc = AttritionTest.fixture(Map.of(Param.WOUNDED_CARE_DAYS, 3.0, Param.HAZARD, 0.02));
        RunResult a = new AgentEngine().run(sc, ParameterSampler.medians(sc), 7L, 0);
        assertTrue(a.kpi(Metric.WOUNDINGS) > a.kpi(Metric.WOUNDED) && a.kpi(Metric.WOUNDED) <= a.kpi(Metric.SENT));
    }

    @Test
    void theSurvivingWoundedGoHomeInTheRepatriatedShare() {
        // Of those who leave care, q die and (1 - q) r go home: repatriated / died of wounds =
        // (1 - q) r / q exactly.
        double d = 0.25;
        double w = 0.2;
        double q = d * w / (1 - d * (1 - w));
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(Map.of(Param.WOUNDED_REPATRIATED_SHARE, 0.4)));
        assertEquals((1 - q) * 0.4 / q, r.kpi(Metric.REPATRIATED_WOUNDED) / r.kpi(Metric.STATUS_DIED_OF_WOUNDS),
                TOL * 100);
    }

    @Test
    void aCountThatWouldGoNegativeFailsTheRunInsteadOfReachingAnOutput() {
        // A kill share of 2 (impossible; validation rejects it in a scenario) would make the
        // wounded negative: the engine's invariant stops the run and names the count.
        Scenario sc = AttritionTest.fixture(Map.of());
        double[] p = ParameterSampler.medians(sc);
        p[Param.KILL_SHARE.ordinal()] = 2;
        p[Param.DIED_OF_WOUNDS_SHARE.ordinal()] = 0;
        RunResult r = AttritionTest.aggregate(sc); // the valid run, for contrast
        assertTrue(r.ok());
        RunResult bad = new org.resolve.core.engine.AggregateEngine(2).run(sc, p, 1L, 0);
        assertFalse(bad.ok());
        assertTrue(bad.error().contains("engine invariant") && bad.error().contains("status.wounded"), bad.error());
        RunResult badAgent = new AgentEngine().run(sc, p, 1L, 0);
        assertTrue(badAgent.ok() || badAgent.error().contains("engine invariant"), badAgent.error());
    }
}
