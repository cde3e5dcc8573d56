package org.resolve.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolve.core.model.Param;
import org.resolve.core.model.Status;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Scenario;

/**
 * Accounting identities that must hold on every day of every run, in both modes, for every
 * bundled scenario, at the parameter medians and at one sampled parameter vector.
 *
 * <p>What "committed" means, from {@code Engine.record}: {@code status.pool} counts the soldiers of
 * waves that have not departed yet but will within the horizon (a replacement draft once its size
 * is decided), and {@code sent} those who have departed. Every soldier who departed is in exactly
 * one of the other statuses, so the sum of all {@code status.*} series is
 * {@code status.pool + sent}, and the sum without {@code status.pool} is {@code sent}. When the
 * pools are large enough (true of every bundled scenario), what is committed is also the planned
 * waves within the horizon plus the replacements drafted so far.
 */
class ConservationTest {
    static final long ROOT_SEED = 20_241_008L;

    /** Metrics that count events since the start, and the absorbing statuses: never decrease. */
    static final Set<Metric> CUMULATIVE = EnumSet.of(
            Metric.KILLED, Metric.WOUNDED, Metric.WOUNDINGS, Metric.CASUALTIES, Metric.CAPTURED, Metric.SURRENDERED,
            Metric.SURRENDERED_BY_CHOICE, Metric.CAPTURED_WOUNDED,
            Metric.SELF_KILLED, Metric.DESERTED, Metric.ROTATED_HOME, Metric.REPATRIATED_WOUNDED, Metric.SENT,
            Metric.CANDIDATES_DRAWN, Metric.VOLUNTEERS, Metric.COERCED, Metric.REPLACEMENTS,
            Metric.OPPONENT_CASUALTIES, Metric.OPPONENT_REPLENISHED, Metric.FRIENDLY_FIRE_INCIDENTS, Metric.FRIENDLY_FIRE_HOST_KILLED,
            Metric.REACHED, Metric.WAGES_USD, Metric.REGIME_REVENUE_USD, Metric.SOLDIER_EARNINGS_USD,
            Metric.FAMILIES_VALORISED, Metric.FAMILIES_HONOURED, Metric.FAMILIES_PUNISHED,
            Metric.STATUS_KILLED, Metric.STATUS_DIED_OF_WOUNDS, Metric.STATUS_SELF_KILLED, Metric.STATUS_CAPTURED,
            Metric.STATUS_SURRENDERED, Metric.STATUS_DESERTED, Metric.STATUS_REPATRIATED_WOUNDED,
            Metric.STATUS_ROTATED_HOME);

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Bundled.IDS) {
            for (Mode mode : Mode.values()) {
                // 1.2 million agents for a year is a benchmark, not a unit test.
                int days = id.equals("stress-1.2m") && mode == Mode.AGENT ? 30 : 0;
                out.add(Arguments.of(id, mode, days, "medians"));
                out.add(Arguments.of(id, mode, days, "sampled"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("runs")
    void accountsBalanceEveryDay(String id, Mode mode, int days, String params) {
        Scenario sc = TestScenarios.bundled(id).with(Map.of(), days);
        long seed = Streams.replicationSeed(ROOT_SEED, 0);
        double[] p = params.equals("medians") ? ParameterSampler.medians(sc) : ParameterSampler.sample(sc, seed);
        RunResult r = Engine.of(mode).run(sc, p, seed, 0);
        String run = id + " " + mode.key() + " " + params + " (replication seed " + seed + ", root " + ROOT_SEED + ")";
        check(r, new Schedule(sc, p), p[Param.REPLACEMENT_CAP.ordinal()], mode, run);
    }

    static void check(RunResult r, Schedule schedule, double cap, Mode mode, String run) {
        // Agent mode counts whole soldiers: its identities are exact.
        double tol = mode == Mode.AGENT ? 0 : 1e-9;
        assertEquals(schedule.days, r.days(), run);
        for (int t = 0; t < r.days(); t++) {
            String at = run + ", day " + t;
            double sent = r.value(Metric.SENT, t);
            double pool = r.value(Metric.STATUS_POOL, t);
            double statuses = 0;
            for (Status s : Status.values()) {
                double v = r.value(Metric.status(s), t);
                assertTrue(v >= 0, at + ": " + s.metric() + " = " + v);
                if (s != Status.POOL) {
                    statuses += v;
                }
            }
            near(sent, statuses, tol, at + ": soldiers by status (without pool) against sent");
            near(pool + sent, statuses + pool, tol, at + ": all status.* against status.pool + sent");
            near(schedule.plannedTotal + r.value(Metric.REPLACEMENTS, t), pool + sent, tol,
                    at + ": committed (pool + sent) against planned waves + replacements drafted");
            double replacements = r.value(Metric.REPLACEMENTS, t);
            assertTrue(replacements <= cap * (1 + 1e-12), at + ": " + replacements + " replacements over the cap " + cap);
            if (mode == Mode.AGENT) {
                // Whole soldiers: a draft capped by a fractional cap is rounded down, not up.
                assertEquals(Math.rint(replacements), replacements, at + ": replacements");
                assertEquals(Math.rint(pool), pool, at + ": status.pool");
            }
            near(r.value(Metric.REGIME_REVENUE_USD, t) + r.value(Metric.SOLDIER_EARNINGS_USD, t),
                    r.value(Metric.WAGES_USD, t), 1e-9, at + ": wages against regime revenue + soldiers' earnings");
            near(r.value(Metric.STATUS_KILLED, t) + r.value(Metric.STATUS_DIED_OF_WOUNDS, t)
                    + r.value(Metric.STATUS_SELF_KILLED, t), r.value(Metric.KILLED, t), tol,
                    at + ": killed against killed in action + died of wounds + self-killed");
            near(r.value(Metric.STATUS_TRAINING, t) + r.value(Metric.STATUS_FRONT, t) + r.value(Metric.STATUS_RESERVE, t)
                    + r.value(Metric.STATUS_WOUNDED, t), r.value(Metric.IN_THEATRE, t), tol, at + ": in_theatre");
            // Soldiers wounded (people) never outnumber woundings (events) nor soldiers sent.
            assertTrue(r.value(Metric.WOUNDED, t) <= r.value(Metric.WOUNDINGS, t) * (1 + 1e-9) + 1e-9,
                    at + ": more soldiers wounded than woundings");
            assertTrue(r.value(Metric.WOUNDED, t) <= sent * (1 + 1e-9) + 1e-9, at + ": more soldiers wounded than sent");
            // Each soldier killed, captured, surrendered, repatriated or now wounded owes his state to
            // a casualty event of his own (his latest), so they cannot outnumber the events.
            double fromEvents = r.value(Metric.KILLED, t) + r.value(Metric.CAPTURED, t) + r.value(Metric.SURRENDERED, t)
                    + r.value(Metric.REPATRIATED_WOUNDED, t) + r.value(Metric.STATUS_WOUNDED, t);
            double events = r.value(Metric.CASUALTIES, t);
            assertTrue(fromEvents <= events * (1 + 1e-9) + 1e-9,
                    at + ": " + fromEvents + " soldiers owe their state to " + events + " casualty events");
            if (t > 0) {
                for (Metric m : CUMULATIVE) {
                    double before = r.value(m, t - 1);
                    double now = r.value(m, t);
                    if (now < before) {
                        fail(at + ": cumulative " + m.key() + " fell from " + before + " to " + now);
                    }
                }
            }
        }
    }

    static void near(double expected, double actual, double relTol, String what) {
        double diff = Math.abs(expected - actual);
        if (diff > relTol * Math.max(1, Math.abs(expected))) {
            fail(what + ": expected " + expected + ", got " + actual + " (difference " + diff + ")");
        }
    }
}
