package org.resolve.core.engine;

import org.resolve.core.scenario.Scenario;

/**
 * Aggregate mode: expected numbers of soldiers per compartment and stratum, moved by the same
 * processes as expected flows. It is the mean-field limit of the agent mode: as the number of
 * soldiers grows, the agent mode's ensemble mean converges to this trajectory (up to the
 * discretisation of loyalty into bins).
 */
public final class AggregateEngine extends Engine {
    private final int bins;

    /** @param bins loyalty bins per wave, >= 1 */
    public AggregateEngine(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1: " + bins);
        }
        this.bins = bins;
    }

    @Override
    public Mode mode() {
        return Mode.AGGREGATE;
    }

    @Override
    public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
        Sector s = new Sector(sc, parameters);
        Cohorts c = new Cohorts(s.schedule.waves, bins);
        int days = sc.days();
        double[][] series = new double[Metric.COUNT][days];
        double[] counts = new double[org.resolve.core.model.Status.values().length];
        int t = 0;
        try {
            for (t = 0; t < days; t++) {
                checkFault(runIndex, t);
                s.beginDay(t);
                for (Process p : PROCESSES) {
                    p.cohorts(s, c);
                }
                s.recordLosses(s.todayFrontLosses, s.frontAtStart);
                c.counts(counts);
                record(s, series, t, counts, c.knowing);
            }
        } catch (RuntimeException e) {
            return RunResult.failed(runIndex, replicationSeed, parameters.clone(), series, t, e);
        }
        return new RunResult(runIndex, replicationSeed, parameters.clone(), series);
    }
}
