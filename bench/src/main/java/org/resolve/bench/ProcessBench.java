package org.resolve.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resolve.core.engine.Agents;
import org.resolve.core.engine.Cohorts;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.Process;
import org.resolve.core.engine.RunStreams;
import org.resolve.core.engine.Sector;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * One day of one process, in either mode, so a regression points at its process: kursk-2024-persuasion
 * on day 110 (full assault, campaign under way, about 12,000 soldiers at the front), prepared
 * afresh before every iteration; each iteration times a single application (single shot), so the
 * state never drifts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 40)
@Fork(1)
public class ProcessBench {
    @Param({"deployment", "posture", "attrition", "casualty outcome", "capture", "desertion", "beliefs",
        "learning", "rotation", "money", "families"})
    public String process;

    /** agent (one soldier per agent) or aggregate (strata, 2 loyalty bins). */
    @Param({"agent", "aggregate"})
    public String mode;

    private Cohorts cohorts;

    private Process target;
    private Sector sector;
    private Agents agents;
    private RunStreams streams;

    @Setup(Level.Iteration)
    public void setup() throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024-persuasion");
        double[] p = ParameterSampler.medians(sc);
        sector = new Sector(sc, p);
        agents = new Agents(sector.schedule.plannedTotal + 64, sector.schedule.waves);
        streams = new RunStreams(7);
        cohorts = new Cohorts(sector.schedule.waves, Engine.DEFAULT_BINS);
        for (int t = 0; t < 110; t++) {
            sector.beginDay(t);
            for (Process pr : Engine.PROCESSES) {
                apply(pr);
            }
        }
        target = Engine.PROCESSES.stream().filter(pr -> pr.name().equals(process)).findFirst().orElseThrow();
        sector.beginDay(110);
        for (Process pr : Engine.PROCESSES) {
            if (pr == target) {
                break;
            }
            apply(pr);
        }
    }

    private void apply(Process pr) {
        if (mode.equals("agent")) {
            pr.agents(sector, agents, streams);
        } else {
            pr.cohorts(sector, cohorts);
        }
    }

    @Benchmark
    public double day() {
        apply(target);
        return agents.frontCount + cohorts.knowing;
    }
}
