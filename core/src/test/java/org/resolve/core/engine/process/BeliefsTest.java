package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.Sector;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * Beliefs with saturation and credibility ({@link Beliefs}): reach is bounded by access, doubt
 * settles where the campaign's reach and credibility balance counter-messaging, and falls back as the
 * campaign tires. Deterministic (aggregate mode, exact fixed points): none can fail by chance.
 */
class BeliefsTest {
    /** kursk-2024-persuasion with no losses and no casualties, so the front is constant. */
    static Scenario quietCampaign(Map<Param, Double> extra) {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.HAZARD, 0.0);
        o.put(Param.CAPTURE_SITUATIONS_PER_DAY, 0.0);
        o.put(Param.CAPTURE_WOUNDED_LEFT, 0.0);
        o.put(Param.SURRENDER_OPPORTUNITIES, 0.0);
        o.put(Param.DESERTION_RATE, 0.0);
        o.put(Param.DESERTION_DOUBT, 0.0);
        o.put(Param.TOUR_DAYS, 1000.0);
        o.put(Param.DOUBT_FIRST_COMBAT, 0.0);
        o.put(Param.REPLACEMENT_ENABLED, 0.0);
        o.putAll(extra);
        return TestScenarios.bundled("kursk-2024-persuasion").with(o, 0);
    }

    @Test
    void reachIsBoundedByAccessHoweverIntenseTheCampaign() {
        Map<Param, Double> flood = new EnumMap<>(Param.class);
        flood.put(Param.CAMPAIGN_LEAFLETS, 1e7);
        flood.put(Param.CAMPAIGN_ACCESS, 0.4);
        Scenario sc = quietCampaign(flood);
        Sector s = new Sector(sc, ParameterSampler.medians(sc));
        s.day = s.schedule.campaignStart;
        Beliefs.campaignReach(s, 10_000);
        assertTrue(s.reachProbability <= 0.4 && s.reachProbability > 0.399, "reach " + s.reachProbability);
    }

    @Test
    void doubtSettlesWhereReachAndCredibilityBalanceCounterMessaging() {
        // Without fatigue, every soldier's mean doubt follows d' = d0 + k (d + p c (1 - d) - d0),
        // k = 1 - counter-messaging, whose fixed point is d* = (d0 (1 - k) + k p c) / (1 - k + k p c).
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.CAMPAIGN_FATIGUE_DAYS, 1e12);
        o.put(Param.PRISONER_NEWS_SATURATION, 1e12);
        o.put(Param.DOUBT_PRISONER_NEWS, 0.0);
        Scenario sc = quietCampaign(o);
        double[] p = ParameterSampler.medians(sc);
        RunResult r = new AggregateEngine(2).run(sc, p, 1L, 0);
        Sector s = new Sector(sc, p);
        s.day = s.schedule.campaignStart + 10;
        double front = r.value(Metric.STATUS_FRONT, r.days() - 1);
        Beliefs.campaignReach(s, front);
        double pc = s.reachProbability * s.reachCredibility;
        double k = 1 - p[Param.COUNTER_MESSAGING.ordinal()];
        double d0 = p[Param.DOUBT_INITIAL.ordinal()];
        double fixed = (d0 * (1 - k) + k * pc) / (1 - k + k * pc);
        assertEquals(fixed, r.value(Metric.MEAN_DOUBT_FRONT, r.days() - 1), 1e-6);
        assertTrue(fixed < 0.9, "doubt stays bounded below 1: " + fixed);
        // Stronger counter-messaging, less doubt.
        o.put(Param.COUNTER_MESSAGING, 0.2);
        RunResult countered = new AggregateEngine(2).run(quietCampaign(o), ParameterSampler.medians(quietCampaign(o)), 1L, 0);
        assertTrue(countered.kpi(Metric.MEAN_DOUBT_FRONT) < r.kpi(Metric.MEAN_DOUBT_FRONT));
    }

    @Test
    void doubtFallsBackAsTheCampaignTires() {
        Scenario sc = quietCampaign(Map.of(Param.CAMPAIGN_FATIGUE_DAYS, 30.0));
        RunResult r = new AggregateEngine(2).run(sc, ParameterSampler.medians(sc), 1L, 0);
        int start = new Sector(sc, ParameterSampler.medians(sc)).schedule.campaignStart;
        double peak = 0;
        int peakDay = start;
        for (int t = start; t < r.days(); t++) {
            if (r.value(Metric.MEAN_DOUBT_FRONT, t) > peak) {
                peak = r.value(Metric.MEAN_DOUBT_FRONT, t);
                peakDay = t;
            }
        }
        assertTrue(peakDay < start + 120, "peak on day " + peakDay);
        assertTrue(r.kpi(Metric.MEAN_DOUBT_FRONT) < 0.5 * peak, "doubt " + r.kpi(Metric.MEAN_DOUBT_FRONT) + " after a peak of " + peak);
    }

    @Test
    void aCampaignTeachesTheProcedureToABoundedShareOfTheForce() {
        // kursk-2024-persuasion at its medians: a bounded share knows the procedure, and surrenders
        // stay one to two orders of magnitude below those who know it, as the hotline's record
        // suggests (contacts far outnumber surrenders).
        Scenario sc = TestScenarios.bundled("kursk-2024-persuasion");
        RunResult r = new AggregateEngine(2).run(sc, ParameterSampler.medians(sc), 1L, 0);
        double sent = r.kpi(Metric.SENT);
        double knowsPeak = 0;
        for (int t = 0; t < r.days(); t++) {
            knowsPeak = Math.max(knowsPeak, r.value(Metric.KNOWS_PROCEDURE, t));
        }
        double surrendered = r.kpi(Metric.SURRENDERED);
        assertTrue(knowsPeak < 0.8 * sent, "at most " + knowsPeak + " of " + sent + " know it");
        assertTrue(surrendered > 0 && surrendered < 0.1 * knowsPeak, surrendered + " surrendered, " + knowsPeak + " knew how");
        assertTrue(surrendered < 0.03 * sent, surrendered + " of " + sent + " surrendered in a year");
    }
}
