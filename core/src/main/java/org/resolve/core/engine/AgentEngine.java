package org.resolve.core.engine;

import org.resolve.core.scenario.Scenario;

/** Agent mode: one agent per soldier sent, each drawing his own fate from the process streams. */
public final class AgentEngine extends Engine {
    private final boolean perSoldier;

    /** The engine as runs use it: exact skipping over soldiers to whom nothing happens. */
    public AgentEngine() {
        this(false);
    }

    /**
     * @param perSoldier draw once per soldier per day instead (the straightforward reference that
     *                   tests hold the skipping to; same distributions, other random streams)
     */
    public AgentEngine(boolean perSoldier) {
        this.perSoldier = perSoldier;
    }

    @Override
    public Mode mode() {
        return Mode.AGENT;
    }

    @Override
    public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
        Sector s = new Sector(sc, parameters);
        Agents a = new Agents(s.schedule.plannedTotal + 64, s.schedule.waves);
        RunStreams r = new RunStreams(replicationSeed, perSoldier);
        return simulate(sc, parameters, replicationSeed, runIndex, s, new Population() {
            @Override
            public void apply(Process p, Sector sector) {
                p.agents(sector, a, r);
            }

            @Override
            public void counts(double[] out) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = a.count[k];
                }
            }

            @Override
            public double knowing() {
                return a.knowing;
            }
        });
    }
}
