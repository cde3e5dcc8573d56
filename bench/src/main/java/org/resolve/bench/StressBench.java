package org.resolve.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resolve.core.engine.AgentEngine;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * One agent-mode run of stress-1.2m (1.2 million soldiers, 365 days) per operation:
 * agent-days per second = 1.2e6 x 365 / (seconds per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class StressBench {
    private Scenario sc;
    private double[] params;
    private final Engine agent = new AgentEngine();
    private long seed;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        sc = ScenarioLoader.load("stress-1.2m");
        params = ParameterSampler.medians(sc);
    }

    @Benchmark
    public double agentRun() {
        return agent.run(sc, params, ++seed, 0).kpi(Metric.KILLED);
    }
}
