package org.resolve.core.engine;

import org.resolve.core.model.Status;
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
        int days = sc.days();
        double[][] series = new double[Metric.COUNT][days];
        double[] counts = new double[Status.values().length];
        int t = 0;
        try {
            for (t = 0; t < days; t++) {
                checkFault(runIndex, t);
                s.beginDay(t);
                for (Process p : PROCESSES) {
                    p.agents(s, a, r);
                }
                s.recordLosses(s.todayFrontLosses, s.frontAtStart);
                for (int k = 0; k < counts.length; k++) {
                    counts[k] = a.count[k];
                }
                record(s, series, t, counts, a.knowing);
            }
        } catch (RuntimeException e) {
            return RunResult.failed(runIndex, replicationSeed, parameters.clone(), series, t, e);
        }
        return new RunResult(runIndex, replicationSeed, parameters.clone(), series);
    }

    /** @return soldiers in a status, for tests */
    static int count(Agents a, Status s) {
        return a.count[s.ordinal()];
    }
}
