package org.resolve.core.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.engine.Schedule;
import org.resolve.core.engine.TestScenarios;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.scenario.Scenario;

/**
 * Operations with a beginning and an end ({@link PostureProcess} and the calendar it reads): phases
 * of uncertain length end on the run's draw, what follows the offensive exposes the force less, and
 * the withdrawal rule pulls a force that loses too much out for its refit days. Every test here is
 * deterministic (schedules, or the aggregate mode): none can fail by chance.
 */
class PostureProcessTest {
    static final LocalDate START = LocalDate.of(2024, 10, 8);
    static final int ASSAULT_DAY = (int) ChronoUnit.DAYS.between(START, LocalDate.of(2024, 12, 6));

    static double[] params(Scenario sc, double offensive, double holding) {
        double[] p = ParameterSampler.medians(sc);
        p[Param.OPERATION_OFFENSIVE_DAYS.ordinal()] = offensive;
        p[Param.OPERATION_HOLDING_DAYS.ordinal()] = holding;
        return p;
    }

    @Test
    void theOffensiveEndsOnTheRunsDrawThenHoldingThenRearDuty() {
        Scenario sc = TestScenarios.bundled("kursk-2024");
        for (double[] draw : new double[][] {{50, 20}, {120, 0}, {45, 90}}) {
            int off = (int) draw[0];
            int hold = (int) draw[1];
            Schedule sch = new Schedule(sc, params(sc, off, hold));
            for (int t = 0; t < sc.days(); t++) {
                Posture expected = t < 28 ? Posture.TRAINING : t < ASSAULT_DAY ? Posture.HOLDING
                        : t < ASSAULT_DAY + off ? Posture.ASSAULT : t < ASSAULT_DAY + off + hold ? Posture.HOLDING
                        : Posture.REAR;
                assertSame(expected, sch.posture[t], "offensive " + off + " days, holding " + hold + ": day " + t);
            }
        }
    }

    @Test
    void aCalendarWithItsOwnForecastIsFollowedPastTheKnowledgeDate() {
        // kursk-2024's calendar ends in phases of uncertain length: no generic forecast mix.
        Scenario sc = TestScenarios.bundled("kursk-2024");
        Schedule sch = new Schedule(sc, params(sc, 100, 30));
        int knowledge = (int) ChronoUnit.DAYS.between(START, sc.knowledgeDate());
        assertSame(Posture.ASSAULT, sch.posture[knowledge + 1]);
        assertEquals(1.0, sch.intensity[knowledge + 1]);
    }

    @Test
    void aCalendarThatEndsOnADatedPhaseGivesWayToTheForecastMix() {
        // The same scenario with the assault as an open-ended dated phase: beyond the knowledge date
        // the posture is the forecast mix (forecast.assault_share of assault intensity).
        Scenario sc = TestScenarios.template("exposure.yaml", Map.of("knowledge_date: 2026-01-01",
                "knowledge_date: 2024-10-20"));
        double[] p = ParameterSampler.medians(sc);
        p[Param.FORECAST_ASSAULT_SHARE.ordinal()] = 0.25;
        Schedule sch = new Schedule(sc, p);
        assertEquals(1.0, sch.intensity[12], "day 12 is known: the calendar's assault");
        double mixed = 0.2 + 0.25 * (1 - 0.2);
        assertEquals(mixed, sch.intensity[13], 1e-12, "day 13 is past the knowledge date");
        assertEquals(1 + 0.25 * (1.6 - 1), sch.exposure[13], 1e-12);
    }

    @Test
    void afterTheOffensiveTheForcesLossesFall() {
        // kursk-2024 at its medians, offensive 80 days, holding 40: the mean daily casualty
        // probability of a soldier in the sector falls from the offensive to holding, and again on
        // rear duty (exposure.rear of the holding exposure).
        Scenario sc = TestScenarios.bundled("kursk-2024");
        double[] p = params(sc, 80, 40);
        p[Param.WITHDRAWAL_ENABLED.ordinal()] = 0;
        RunResult r = new AggregateEngine(Engine.DEFAULT_BINS).run(sc, p, 1L, 0);
        double assault = mean(r, ASSAULT_DAY, ASSAULT_DAY + 80);
        double holding = mean(r, ASSAULT_DAY + 80, ASSAULT_DAY + 120);
        double rear = mean(r, ASSAULT_DAY + 120, ASSAULT_DAY + 160);
        assertTrue(holding < 0.5 * assault, "holding " + holding + " against assault " + assault);
        assertTrue(rear < 0.5 * holding, "rear duty " + rear + " against holding " + holding);
        // And the force's daily losses (soldiers) fall with it.
        double lossAssault = r.value(Metric.CASUALTIES, ASSAULT_DAY + 79) - r.value(Metric.CASUALTIES, ASSAULT_DAY + 49);
        double lossRear = r.value(Metric.CASUALTIES, ASSAULT_DAY + 159) - r.value(Metric.CASUALTIES, ASSAULT_DAY + 129);
        assertTrue(lossRear < 0.2 * lossAssault, "30 days of rear duty lose " + lossRear + " against " + lossAssault);
    }

    static double mean(RunResult r, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) {
            s += r.value(Metric.FRONT_HAZARD, t);
        }
        return s / (to - from);
    }

    @Test
    void heavyLossesWithdrawTheForceForItsRefitDays() {
        // The exposure fixture loses about 1% of its front a day; a threshold of 5% over a
        // 10-day window must withdraw it, for exactly the refit days, then it returns.
        Map<Param, Double> o = new EnumMap<>(Param.class);
        o.put(Param.WITHDRAWAL_ENABLED, 1.0);
        o.put(Param.WITHDRAWAL_LOSS_THRESHOLD, 0.05);
        o.put(Param.WITHDRAWAL_WINDOW_DAYS, 10.0);
        o.put(Param.WITHDRAWAL_REFIT_DAYS, 12.0);
        RunResult r = AttritionTest.aggregate(AttritionTest.fixture(o));
        int first = -1;
        for (int t = 0; t < r.days() && first < 0; t++) {
            if (r.value(Metric.WITHDRAWN, t) == 1) {
                first = t;
            }
        }
        assertTrue(first > 0, "the force was never withdrawn");
        int last = first;
        while (last + 1 < r.days() && r.value(Metric.WITHDRAWN, last + 1) == 1) {
            last++;
        }
        for (int t = first; t <= last; t++) {
            assertEquals(0.0, r.value(Metric.STATUS_FRONT, t), "nobody in the sector while withdrawn, day " + t);
            assertEquals(0.0, r.value(Metric.INTENSITY, t), "day " + t);
        }
        assertEquals(12, last - first + 1, "withdrawn from day " + first + " to " + last);
        assertTrue(r.value(Metric.STATUS_FRONT, last + 1) > 0, "the force returns after its refit");
        // A threshold no loss can reach never withdraws it.
        o.put(Param.WITHDRAWAL_LOSS_THRESHOLD, 1.0);
        RunResult never = AttritionTest.aggregate(AttritionTest.fixture(o));
        for (int t = 0; t < never.days(); t++) {
            assertEquals(0.0, never.value(Metric.WITHDRAWN, t), "day " + t);
        }
        assertTrue(never.kpi(Metric.CASUALTIES) > r.kpi(Metric.CASUALTIES), "withdrawal spares lives");
    }
}
