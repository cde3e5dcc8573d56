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
        return simulate(sc, parameters, replicationSeed, runIndex, s, new Population() {
            @Override
            public void apply(Process p, Sector sector) {
                p.cohorts(sector, c);
            }

            @Override
            public void counts(double[] out) {
                c.counts(out);
            }

            @Override
            public double knowing() {
                return c.knowing;
            }
        });
    }
}
