package org.resolve.core.engine;

import org.resolve.core.scenario.Scenario;

/** Agent mode: one agent per soldier sent, each drawing his own fate from the process streams. */
public final class AgentEngine extends Engine {
    @Override
    public Mode mode() {
        return Mode.AGENT;
    }

    @Override
    public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
        Sector s = new Sector(sc, parameters);
        Agents a = new Agents(s.schedule.plannedTotal + 64, s.schedule.waves);
        RunStreams r = new RunStreams(replicationSeed);
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
