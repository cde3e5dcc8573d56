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
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * Whole runs of 365 days, single-threaded. Agent-days per second = runs per second x soldiers
 * sent x 365 (kursk-2024 sends about 16,000 with replacements at the parameter medians; the
 * benchmark prints the exact figure in its setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
    @Param({"kursk-2024"})
    public String scenario;

    private Scenario sc;
    private double[] params;
    private final Engine agent = new AgentEngine();
    /** Loyalty bins of the aggregate mode (the agent benchmark ignores it). */
    @Param({"6", "1"})
    public int bins;

    private Engine aggregate;
    private long seed;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        sc = ScenarioLoader.load(scenario);
        aggregate = new AggregateEngine(bins);
        params = ParameterSampler.medians(sc);
        RunResult r = agent.run(sc, params, 1, 0);
        System.out.printf("%n%s: %.0f soldiers sent, %d days, %.3g agent-days per run%n", scenario,
                r.kpi(Metric.SENT), sc.days(), r.kpi(Metric.SENT) * sc.days());
    }

    @Benchmark
    public double agentRun() {
        return agent.run(sc, params, ++seed, 0).kpi(Metric.KILLED);
    }

    @Benchmark
    public double aggregateRunKpisOnly() {
        return new AggregateEngine(bins).kpisOnly().run(sc, params, ++seed, 0).kpi(Metric.KILLED);
    }

    @Benchmark
    public double aggregateRun() {
        return aggregate.run(sc, params, ++seed, 0).kpi(Metric.KILLED);
    }
}
