package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * Attrition by exposure ({@link Attrition}): losses grow with the number exposed and with how they
 * are exposed, capabilities move the per-soldier hazard by their elasticities, no law is scaled by the
 * size of the deployed force, and the opponent never loses more than its strength plus its reserve.
 *
 * <p>Fixture {@code engine/exposure.yaml}: one wave of 10,000 in an assault from the first day, the
 * linear law, the opponent taking no losses (so its fire is constant), nothing but attrition and the
 * casualty outcome acting. The aggregate mode is deterministic, so its magnitude tests are exact
 * (relative tolerance 1e-9): they cannot fail by chance. The one statistical test (agent mode, hits
 * by wave) states its false-failure rate.
 */
class AttritionTest {
    private static final double TOL = 1e-9;

    static Scenario fixture(Map<Param, Double> overrides) {
        return TestScenarios.resource("exposure.yaml").with(overrides, 0);
    }

    static RunResult aggregate(Scenario sc) {
        return new AggregateEngine(Engine.DEFAULT_BINS).run(sc, ParameterSampler.medians(sc), 1L, 0);
    }

    /** @return the daily hazard rate (-log of the share not hit) of a soldier in the sector on day t */
    static double rate(RunResult r, int t) {
        return -Math.log1p(-r.value(Metric.FRONT_HAZARD, t));
    }

    static void assertRel(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void theFirstDaysHazardIsTheDocumentedProduct() {
        // Day 0: no combat day yet (drone skill 0, terrain at its initial 0.6), comprehension
        // 100 / 300 terms, interpreter coverage 1/30 x 5 = 1/6.
        RunResult r = aggregate(fixture(Map.of()));
        double comm = 1.0 / 6 + (5.0 / 6) / 3;
        double x = 1.6 * 1.0 * Math.pow(0.6, -0.5) * Math.pow(0.6, -0.35) * Math.pow(0.5 + 0.5 * comm, -0.35)
                * Math.pow(0.6, -0.35);
        assertRel(0.003 * x, rate(r, 0), TOL, "day-0 hazard rate h x I x x_w");
    }

    @Test
    void moreSoldiersExposedMeansProportionallyMoreLosses() {
        // The linear law gives every exposed soldier the same hazard, so twice the force loses
        // exactly twice as many on every day while the opponent's fire is unchanged.
        Scenario one = fixture(Map.of());
        RunResult r1 = aggregate(one);
        Scenario twice = TestScenarios.template("exposure.yaml", Map.of("size: 10000", "size: 20000"));
        RunResult r2 = aggregate(twice);
        for (int t = 0; t < one.days(); t += 7) {
            assertRel(2 * r1.value(Metric.CASUALTIES, t), r2.value(Metric.CASUALTIES, t), TOL, "casualties on day " + t);
        }
        // For longer: 60 days lose more than 30, by more than a third.
        RunResult shorter = aggregate(one.with(Map.of(), 30));
        assertTrue(r1.kpi(Metric.CASUALTIES) > 1.33 * shorter.kpi(Metric.CASUALTIES),
                r1.kpi(Metric.CASUALTIES) + " in 60 days against " + shorter.kpi(Metric.CASUALTIES) + " in 30");
    }

    @ParameterizedTest
    @EnumSource(AttritionLaw.class)
    void noLawIsScaledByTheSizeOfTheDeployedForce(AttritionLaw law) {
        // Per-soldier hazard on day 0 for 10,000 and 40,000 exposed: the same under the linear and
        // logarithmic laws; under the square law (aimed fire, capped by the opponent's shooters) it
        // is inversely proportional to the number exposed, and equal to the linear law's at the
        // reference force (10,000 in kursk-2024; the fixture keeps it).
        Scenario small = fixture(Map.of()).withLaw(law);
        Scenario large = TestScenarios.template("exposure.yaml", Map.of("size: 10000", "size: 40000")).withLaw(law);
        double h1 = aggregate(small).value(Metric.CASUALTIES, 0) / 10_000;
        double h4 = aggregate(large).value(Metric.CASUALTIES, 0) / 40_000;
        double linear = aggregate(fixture(Map.of()).withLaw(AttritionLaw.LINEAR)).value(Metric.CASUALTIES, 0) / 10_000;
        if (law == AttritionLaw.SQUARE) {
            assertRel(h1 / 4, h4, 1e-3, "square law: per-soldier hazard with four times the force");
            // The square law's daily loss is h x K exactly, the linear law's 1 - exp(-h x) of each
            // soldier: equal to first order (h x is about 1% here).
            assertRel(linear, h1, 1e-2, "square law at the reference force against the linear law");
        } else {
            assertRel(h1, h4, TOL, law.key() + ": per-soldier hazard with four times the force");
            assertRel(linear, h1, TOL, law.key() + " against the linear law at full opponent strength");
        }
    }

    /** Each capability moves the hazard rate by exactly its documented elasticity. */
    @Test
    void capabilitiesMoveTheHazardByTheirElasticities() {
        double base = rate(aggregate(fixture(Map.of())), 0);
        // Equipment 0.6 -> 1.0 with elasticity 0.5; intelligence likewise with 0.35; terrain
        // (initial knowledge) 0.6 -> 0.9 with 0.35.
        assertRel(Math.pow(1.0 / 0.6, -0.5), rate(aggregate(fixture(Map.of(Param.EFFECT_EQUIPMENT, 1.0))), 0) / base,
                TOL, "equipment");
        assertRel(Math.pow(1.0 / 0.6, -0.35),
                rate(aggregate(fixture(Map.of(Param.EFFECT_INTELLIGENCE, 1.0))), 0) / base, TOL, "intelligence");
        assertRel(Math.pow(0.9 / 0.6, -0.35),
                rate(aggregate(fixture(Map.of(Param.EFFECT_TERRAIN_INITIAL, 0.9))), 0) / base, TOL, "terrain");
        // Communication: interpreters for everyone (6 per 30, each serving 5) make it 1.
        double comm = 1.0 / 6 + (5.0 / 6) / 3;
        assertRel(Math.pow(1.0 / (0.5 + 0.5 * comm), -0.35),
                rate(aggregate(fixture(Map.of(Param.INTERPRETERS_PER_30, 6.0))), 0) / base, TOL, "communication");
        // Elasticity 0: the capability no longer matters.
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.ELASTICITY_EQUIPMENT, 0.0);
        o.put(Param.EFFECT_EQUIPMENT, 0.2);
        assertRel(base / Math.pow(0.6, -0.5), rate(aggregate(fixture(o)), 0), TOL, "equipment with elasticity 0");
    }

    @Test
    void counterDroneSkillLearnedInCombatCutsTheHazard() {
        // On day t the wave has t combat days: skill 1 - exp(-t / 30), hazard x (1 - 0.4 skill).
        Map<Param, Double> none = Map.of(Param.EFFECT_DRONE_COUNTERMEASURE_MAX, 0.0);
        RunResult learned = aggregate(fixture(Map.of()));
        RunResult never = aggregate(fixture(none));
        for (int t : new int[] {0, 10, 30, 59}) {
            double skill = -Math.expm1(-t / 30.0);
            assertRel(1 - 0.4 * skill, rate(learned, t) / rate(never, t), 1e-6, "day " + t);
        }
        // Materially fewer casualties over the 60 days.
        assertTrue(learned.kpi(Metric.CASUALTIES) < 0.85 * never.kpi(Metric.CASUALTIES),
                learned.kpi(Metric.CASUALTIES) + " against " + never.kpi(Metric.CASUALTIES));
    }

    @Test
    void betterSupportedForcesLoseMateriallyFewer() {
        // The analyst's questions on kursk-2024 itself (aggregate mode, parameter medians): better
        // equipment, intelligence, communication or counter-drone skill each mean materially fewer
        // deaths. Equipment 0.3 -> 1.0 (elasticity median 0.5) by at least a quarter; full
        // intelligence (0.6 -> 1, elasticity 0.35) and twice the counter-drone skill (0.4 -> 0.8)
        // each by at least 8%; interpreters for everyone (communication factor from about 0.8 to 1,
        // elasticity 0.35: a hazard 7% lower) by at least 5%.
        Scenario sc = TestScenarios.bundled("kursk-2024");
        double base = kpi(sc, Metric.KILLED);
        double poor = kpi(sc.with(Map.of(Param.EFFECT_EQUIPMENT, 0.3), 0), Metric.KILLED);
        double good = kpi(sc.with(Map.of(Param.EFFECT_EQUIPMENT, 1.0), 0), Metric.KILLED);
        assertTrue(good < 0.75 * poor, "killed " + good + " with full equipment against " + poor + " with 0.3");
        double intel = kpi(sc.with(Map.of(Param.EFFECT_INTELLIGENCE, 1.0), 0), Metric.KILLED);
        assertTrue(intel < 0.92 * base, "intelligence: killed " + intel + " against " + base);
        double drone = kpi(sc.with(Map.of(Param.EFFECT_DRONE_COUNTERMEASURE_MAX, 0.8), 0), Metric.KILLED);
        assertTrue(drone < 0.92 * base, "counter-drone skill: killed " + drone + " against " + base);
        double comm = kpi(sc.with(Map.of(Param.INTERPRETERS_PER_30, 6.0), 0), Metric.KILLED);
        assertTrue(comm < 0.95 * base, "communication: killed " + comm + " against " + base);
    }

    @Test
    void aLargerRotatingForceLosesMateriallyMore() {
        // rotation-100k sends about seven times as many as kursk-2024 on the same calendar: with
        // losses by exposure it loses materially more (at the parameter medians, aggregate mode).
        double kursk = kpi(TestScenarios.bundled("kursk-2024"), Metric.KILLED);
        double rotation = kpi(TestScenarios.bundled("rotation-100k"), Metric.KILLED);
        assertTrue(rotation > 1.3 * kursk, "rotation-100k killed " + rotation + " against kursk-2024's " + kursk);
        for (AttritionLaw law : new AttritionLaw[] {AttritionLaw.LINEAR, AttritionLaw.LOGARITHMIC}) {
            double k = kpi(TestScenarios.bundled("kursk-2024").withLaw(law), Metric.KILLED);
            double r = kpi(TestScenarios.bundled("rotation-100k").withLaw(law), Metric.KILLED);
            assertTrue(r > 1.3 * k, law.key() + ": rotation-100k killed " + r + " against kursk-2024's " + k);
        }
    }

    static double kpi(Scenario sc, Metric m) {
        return new AggregateEngine(Engine.DEFAULT_BINS).run(sc, ParameterSampler.medians(sc), 1L, 0).kpi(m);
    }

    @Test
    void postureSetsExposure() {
        // Assault x1.6, holding x1 at intensity 0.2, rear duty x0.15 at the holding intensity.
        double assault = rate(aggregate(fixture(Map.of())), 0);
        Scenario holding = TestScenarios.template("exposure.yaml", Map.of("posture: assault", "posture: holding"));
        Scenario rear = TestScenarios.template("exposure.yaml", Map.of("posture: assault", "posture: rear"));
        assertRel(assault * 0.2 / 1.6, rate(aggregate(holding), 0), TOL, "holding");
        assertRel(assault * 0.2 * 0.15 / 1.6, rate(aggregate(rear), 0), TOL, "rear duty");
        // Rear duty does not fight: the opponent takes no losses from it.
        Scenario rearFighting = rear.with(Map.of(Param.OWN_KILL_RATE, 0.05), 0);
        assertEquals(0.0, aggregate(rearFighting).kpi(Metric.OPPONENT_CASUALTIES));
    }

    @Test
    void theOpponentNeverLosesMoreThanItsStrengthPlusItsReserve() {
        // kursk-2024-state-media (one soldier worth 100): 200 parameter draws, both bounds on every run.
        Scenario sc = TestScenarios.bundled("kursk-2024-state-media");
        for (int i = 0; i < 200; i++) {
            long seed = Streams.replicationSeed(20_241_008L, i);
            double[] p = ParameterSampler.sample(sc, seed);
            RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, seed, i);
            double u0 = p[Param.OPPONENT_STRENGTH.ordinal()];
            double reserve = p[Param.OPPONENT_RESERVE.ordinal()];
            double lost = r.kpi(Metric.OPPONENT_CASUALTIES);
            double brought = r.kpi(Metric.OPPONENT_REPLENISHED);
            assertTrue(brought <= reserve * (1 + 1e-12), "draw " + i + ": replenished " + brought + " > reserve " + reserve);
            assertTrue(lost <= (u0 + brought) * (1 + 1e-12) + 1e-9,
                    "draw " + i + ": opponent casualties " + lost + " > strength " + u0 + " + replenished " + brought);
        }
    }

    @Test
    void aWeakenedOpponentFiresLess() {
        // With the deployed force firing (and every capability held constant), the opponent's
        // strength falls and so does its fire: under the linear law the per-soldier hazard rate is
        // h I x U / U0, so day 30's rate over day 0's is the opponent's strength at the start of
        // day 30 over its full strength (up to the change of U within each day, under 1%).
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.OWN_KILL_RATE, 0.05);
        o.put(Param.EFFECT_DRONE_COUNTERMEASURE_MAX, 0.0);
        o.put(Param.EFFECT_TERRAIN_INITIAL, 1.0);
        o.put(Param.TERMS_PER_DAY, 0.0);
        RunResult r = aggregate(fixture(o));
        double u = r.value(Metric.OPPONENT_STRENGTH, 29);
        assertTrue(u < 0.9 * 12_000, "the fixture must weaken the opponent: " + u);
        // Day 30's hazard reads the opponent's strength at the end of day 29 (after replenishment).
        assertRel(u / 12_000, rate(r, 30) / rate(r, 0), 1e-2, "day-30 rate over day-0 rate");
    }

    /**
     * Agent mode shares the day's losses by exposure: a wave twice as vulnerable is hit twice as
     * often. 10,000 soldiers per wave at a daily hit probability of about 4% and 8% give about
     * 400 and 800 hits; the log of their ratio has a standard error of sqrt(1/400 + 1/800) = 0.061,
     * and the test allows 4 standard errors: it fails by chance with probability about 6e-5.
     */
    @Test
    void agentsAreHitInProportionToTheirExposure() {
        Scenario sc = TestScenarios.template("exposure.yaml", Map.of("      reason: Test fixture.\ncalendar:",
                "      reason: Test fixture.\n    - id: second\n      date: 2024-10-08\n      size: 10000\n"
                        + "      unit_type: regular\n      assumption: true\n      reason: Test fixture.\ncalendar:"));
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.VULNERABILITY_REGULAR, 2.0);
        o.put(Param.HAZARD, 0.012);
        sc = sc.with(o, 0);
        double[] p = ParameterSampler.medians(sc);
        long seed = Streams.replicationSeed(0x41545452L, 0); // "ATTR"
        Sector s = new Sector(sc, p);
        Agents a = new Agents(20_000, s.schedule.waves);
        RunStreams r = new RunStreams(seed);
        s.beginDay(0);
        new Deployment().agents(s, a, r);
        new PostureProcess().agents(s, a, r);
        assertEquals(20_000, a.count(Status.FRONT));
        new Attrition().agents(s, a, r);
        int[] hits = new int[2];
        for (int i = 0; i < a.n; i++) {
            if ((a.flags[i] & Agents.NEW_CASUALTY) != 0) {
                hits[a.wave[i]]++;
            }
        }
        double se = Math.sqrt(1.0 / hits[0] + 1.0 / hits[1]);
        double z = (Math.log((double) hits[1] / hits[0]) - Math.log(2)) / se;
        assertTrue(Math.abs(z) < 4, "hits by wave " + hits[0] + ", " + hits[1] + " (seed " + seed + "): z = " + z);
        assertEquals(s.expectedCasualties, hits[0] + hits[1], 5 * Math.sqrt(s.expectedCasualties),
                "hits against the day's expected casualties");
    }

    @Test
    void doubtersKeepTheirHeadsDown() {
        // Shirking: a soldier's exposure is x_w (1 - s doubt). The persuasion campaign raises doubt,
        // so wounds fall; without the shirking link, the campaign spares fewer woundings.
        double base = kpi(TestScenarios.bundled("kursk-2024"), Metric.WOUNDINGS);
        double campaign = kpi(TestScenarios.bundled("kursk-2024-persuasion"), Metric.WOUNDINGS);
        double noShirk = kpi(TestScenarios.bundled("kursk-2024-persuasion").with(Map.of(Param.SHIRKING_DOUBT, 0.0), 0),
                Metric.WOUNDINGS);
        assertTrue(campaign < base, "woundings " + campaign + " with the campaign, " + base + " without");
        assertTrue(noShirk > campaign, "without shirking " + noShirk + ", with " + campaign);
    }
}
