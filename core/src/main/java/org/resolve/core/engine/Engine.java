package org.resolve.core.engine;

import java.util.List;
import org.resolve.core.engine.process.Attrition;
import org.resolve.core.engine.process.Beliefs;
import org.resolve.core.engine.process.Capture;
import org.resolve.core.engine.process.CasualtyOutcome;
import org.resolve.core.engine.process.Deployment;
import org.resolve.core.engine.process.Desertion;
import org.resolve.core.engine.process.Families;
import org.resolve.core.engine.process.Learning;
import org.resolve.core.engine.process.Money;
import org.resolve.core.engine.process.PostureProcess;
import org.resolve.core.engine.process.Rotation;
import org.resolve.core.model.Status;
import org.resolve.core.scenario.Scenario;

/**
 * Runs one replication of a scenario, day by day, applying the eleven processes in the fixed
 * order of {@link #PROCESSES}, then recording every metric for the day. An engine holds only its
 * settings, so it is serializable: a distributed executor ships it to the machines that run it.
 */
public abstract class Engine implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The daily order, part of the model's meaning. */
    public static final List<Process> PROCESSES = List.of(
            new Deployment(), new PostureProcess(), new Attrition(), new CasualtyOutcome(), new Capture(),
            new Desertion(), new Beliefs(), new Learning(), new Rotation(), new Money(), new Families());

    /**
     * Default loyalty bins of the aggregate mode (bins of equal probability, see {@link LoyaltyStrata}).
     * Eight keep the decisions that depend on loyalty non-linearly (surrender, self-killing) within 1%
     * of the agent mode's mean (measured by DockingTest on kursk-2024-persuasion: 0.9% on surrenders;
     * two bins gave 3.6%, four 1.7%); they cost about three times the runtime of two. Wider loyalty
     * distributions may ask for more with {@code --bins}.
     */
    public static final int DEFAULT_BINS = 8;

    /**
     * @param mode agent or aggregate
     * @return an engine of that mode (aggregate with {@link #DEFAULT_BINS} loyalty bins)
     */
    public static Engine of(Mode mode) {
        return mode == Mode.AGENT ? new AgentEngine() : new AggregateEngine(DEFAULT_BINS);
    }

    private boolean kpisOnly;
    private int faultRun = -1;
    private int faultDay = -1;

    /** @return the engine's mode */
    public abstract Mode mode();

    /**
     * Keeps only the last day of every metric (the KPIs) instead of the whole series: for sweeps
     * that analyse KPIs only (sensitivity, comparison), it saves the series' memory and allocation.
     * A result then has series of length 1 holding the horizon's values (or NaN for a failed run).
     *
     * @return this engine
     */
    public Engine kpisOnly() {
        this.kpisOnly = true;
        return this;
    }

    /** @return whether results keep only the horizon's values */
    public boolean keepsKpisOnly() {
        return kpisOnly;
    }

    /** @return the series array for a run of {@code days} days */
    protected final double[][] newSeries(int days) {
        return new double[Metric.COUNT][kpisOnly ? 1 : days];
    }

    /** @return the series column that day {@code t} is written to */
    protected final int column(int t) {
        return kpisOnly ? 0 : t;
    }

    /**
     * Makes this engine throw at the start of day {@code day} of run {@code runIndex}: fault
     * injection, to test that a failed run is stored as failed and the others complete.
     *
     * @param runIndex the run to fail
     * @param day the day to fail on
     * @return this engine
     */
    public Engine injectFault(int runIndex, int day) {
        this.faultRun = runIndex;
        this.faultDay = day;
        return this;
    }

    /** Throws the injected fault when it is due. */
    protected final void checkFault(int runIndex, int day) {
        if (runIndex == faultRun && day == faultDay) {
            throw new IllegalStateException("fault injected on day " + day);
        }
    }

    /**
     * Runs one replication.
     *
     * @param sc the scenario
     * @param parameters the replication's parameter values, by ordinal
     * @param replicationSeed the replication's seed
     * @param runIndex its index
     * @return the daily series
     */
    public abstract RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex);

    /** How one mode holds its soldiers, as the shared day loop sees them. */
    protected interface Population {
        /** Applies one process to today's soldiers. */
        void apply(Process p, Sector s);

        /** Writes soldiers by status (by {@link Status} ordinal) into {@code out}. */
        void counts(double[] out);

        /** @return soldiers in theatre who know the procedure */
        double knowing();
    }

    /**
     * The day loop both modes share: each day the processes in their order, the withdrawal rule's
     * bookkeeping and the day's metrics. A process that throws, a broken invariant or a metric that
     * is not a finite number ends the run as failed on that day.
     *
     * @return the run's result
     */
    protected final RunResult simulate(Scenario sc, double[] parameters, long replicationSeed, int runIndex, Sector s,
                                       Population pop) {
        int days = sc.days();
        double[][] series = newSeries(days);
        double[] counts = new double[Status.values().length];
        int t = 0;
        try {
            for (t = 0; t < days; t++) {
                checkFault(runIndex, t);
                s.beginDay(t);
                for (Process p : PROCESSES) {
                    pop.apply(p, s);
                }
                pop.counts(counts);
                checkInvariants(s, counts, t);
                record(s, series, t, column(t), counts, pop.knowing());
                checkFinite(series, column(t), t);
            }
        } catch (RuntimeException e) {
            if (kpisOnly) {
                for (double[] col : series) {
                    col[0] = Double.NaN; // the horizon was never reached
                }
            }
            return RunResult.failed(runIndex, replicationSeed, parameters.clone(), series, t, e);
        }
        return new RunResult(runIndex, replicationSeed, parameters.clone(), series);
    }

    /**
     * The engine's invariants, checked every day in both modes: no count of soldiers and no
     * opponent strength is negative (beyond rounding in the aggregate mode), and no more soldiers
     * have been wounded than sent. A breach ends the run as failed, with the day and the count
     * named, instead of reaching an output.
     *
     * @throws IllegalStateException when an invariant fails
     */
    static void checkInvariants(Sector s, double[] counts, int day) {
        double tol = 1e-9 * Math.max(1, s.sentTotal);
        for (Status st : Status.values()) {
            double v = counts[st.ordinal()];
            if (!(v >= -tol)) {
                throw new IllegalStateException("engine invariant broken on day " + day + ": " + st.metric() + " = " + v
                        + " (a count of soldiers cannot be negative)");
            }
        }
        if (!(s.opponent >= -tol) || !(s.opponentReserve >= -tol)) {
            throw new IllegalStateException("engine invariant broken on day " + day + ": opponent strength " + s.opponent
                    + ", reserve " + s.opponentReserve + " (cannot be negative)");
        }
        if (!(s.wounded <= s.sentTotal + tol)) {
            throw new IllegalStateException("engine invariant broken on day " + day + ": " + s.wounded
                    + " soldiers wounded of " + s.sentTotal + " sent");
        }
    }

    /**
     * Every metric recorded for a day must be a finite number. An input far beyond what the model
     * means (a wage of 1e308 makes the wage bill overflow to infinity, and the soldiers' share
     * infinity minus infinity) would otherwise reach the store, the CSV files and the printed table
     * as {@code inf} or {@code NaN} with the run marked ok. Checked here, in the day loop both modes
     * share, it holds for every command, executor and engine; the run fails on that day, naming the
     * first such metric.
     *
     * @param series the run's series
     * @param column the column the day was written to
     * @param day the day
     * @throws IllegalStateException naming the metric, its value and the day
     */
    static void checkFinite(double[][] series, int column, int day) {
        for (int i = 0; i < series.length; i++) {
            double v = series[i][column];
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("output not finite on day " + day + ": " + Metric.values()[i].key() + " = " + v
                        + " (a parameter too large for the model?)");
            }
        }
    }

    /** Writes the day's metrics; {@code count} gives soldiers by status. */
    static void record(Sector s, double[][] series, int day, int t, double[] c, double knowing) {
        Schedule sch = s.schedule;
        double pool = 0;
        for (int w = 0; w < sch.waves; w++) {
            if (sch.depart[w] > day && sch.depart[w] < sch.days) {
                pool += sch.replacement[w] ? s.draftSize[w] : sch.plannedSize[w];
            }
        }
        c[Status.POOL.ordinal()] = pool;
        series[Metric.STATUS_POOL.ordinal()][t] = pool;
        for (Status st : Status.values()) {
            if (st != Status.POOL) {
                series[Metric.status(st).ordinal()][t] = c[st.ordinal()];
            }
        }
        double killed = c[Status.KILLED.ordinal()] + c[Status.DIED_OF_WOUNDS.ordinal()] + c[Status.SELF_KILLED.ordinal()];
        put(series, Metric.KILLED, t, killed);
        put(series, Metric.WOUNDED, t, s.wounded);
        put(series, Metric.WOUNDINGS, t, s.woundings);
        put(series, Metric.CASUALTIES, t, s.casualtyEvents);
        put(series, Metric.CAPTURED, t, c[Status.CAPTURED.ordinal()]);
        put(series, Metric.SURRENDERED, t, c[Status.SURRENDERED.ordinal()]);
        put(series, Metric.SURRENDERED_BY_CHOICE, t, s.surrenderedByChoice);
        put(series, Metric.CAPTURED_WOUNDED, t, s.capturedWounded);
        put(series, Metric.SELF_KILLED, t, c[Status.SELF_KILLED.ordinal()]);
        put(series, Metric.DESERTED, t, c[Status.DESERTED.ordinal()]);
        put(series, Metric.ROTATED_HOME, t, c[Status.ROTATED_HOME.ordinal()]);
        put(series, Metric.REPATRIATED_WOUNDED, t, c[Status.REPATRIATED_WOUNDED.ordinal()]);
        put(series, Metric.SENT, t, s.sentTotal);
        put(series, Metric.IN_THEATRE, t, c[Status.TRAINING.ordinal()] + c[Status.FRONT.ordinal()]
                + c[Status.RESERVE.ordinal()] + c[Status.WOUNDED.ordinal()]);
        put(series, Metric.CANDIDATES_DRAWN, t, s.candidates);
        put(series, Metric.VOLUNTEERS, t, s.volunteers);
        put(series, Metric.COERCED, t, s.coerced);
        put(series, Metric.REPLACEMENTS, t, s.replacements);
        put(series, Metric.INTENSITY, t, s.intensity);
        put(series, Metric.WITHDRAWN, t, s.withdrawn ? 1 : 0);
        put(series, Metric.OPPONENT_STRENGTH, t, s.opponent);
        put(series, Metric.OPPONENT_CASUALTIES, t, s.opponentCasualties);
        put(series, Metric.OPPONENT_REPLENISHED, t, s.opponentReplenished);
        put(series, Metric.FRONT_HAZARD, t, s.frontHazard);
        put(series, Metric.EXCHANGE_RATIO, t, s.casualtyEvents > 0 ? s.opponentCasualties / s.casualtyEvents : 0);
        put(series, Metric.FRIENDLY_FIRE_INCIDENTS, t, s.ffIncidents);
        put(series, Metric.FRIENDLY_FIRE_HOST_KILLED, t, s.ffHostKilled);
        put(series, Metric.REACHED, t, s.reached);
        put(series, Metric.KNOWS_PROCEDURE, t, knowing);
        put(series, Metric.MEAN_DOUBT_FRONT, t, s.meanDoubtFront);
        put(series, Metric.MEAN_EFFECTIVE_LOYALTY_FRONT, t, s.meanEffectiveLoyaltyFront);
        put(series, Metric.COMMUNICATION, t, s.communication);
        put(series, Metric.WAGES_USD, t, s.wages);
        put(series, Metric.REGIME_REVENUE_USD, t, s.regimeRevenue);
        put(series, Metric.SOLDIER_EARNINGS_USD, t, s.soldierEarnings);
        put(series, Metric.FAMILIES_VALORISED, t, s.valorised);
        put(series, Metric.FAMILIES_HONOURED, t, s.honoured);
        put(series, Metric.FAMILIES_PUNISHED, t, s.punished);
    }

    private static void put(double[][] series, Metric m, int t, double v) {
        series[m.ordinal()][t] = v;
    }
}
