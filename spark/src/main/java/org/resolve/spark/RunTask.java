package org.resolve.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * What a Spark task does with its partition of a run plan: runs each run with the broadcast
 * scenario and engine and returns the results, in the partition's (run-index) order. It has no
 * side effects, so Spark may retry it or run it twice. A run that throws is returned as a failed
 * result, as {@link org.resolve.analysis.LocalExecutor} does.
 */
final class RunTask implements FlatMapFunction<Iterator<RunSpec>, RunResult> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<Scenario> scenario;
    private final Broadcast<Engine> engine;

    RunTask(Broadcast<Scenario> scenario, Broadcast<Engine> engine) {
        this.scenario = scenario;
        this.engine = engine;
    }

    @Override
    public Iterator<RunResult> call(Iterator<RunSpec> specs) {
        Scenario sc = scenario.value();
        Engine e = engine.value();
        List<RunResult> out = new ArrayList<>();
        while (specs.hasNext()) {
            out.add(run(sc, e, specs.next()));
        }
        return out.iterator();
    }

    /** @return one run's result, a failed one if the engine threw before recording a day */
    static RunResult run(Scenario sc, Engine engine, RunSpec spec) {
        try {
            return engine.run(sc, spec.parameters(), spec.seed(), spec.runIndex());
        } catch (RuntimeException ex) {
            return RunResult.failed(spec.runIndex(), spec.seed(), spec.parameters().clone(),
                    new double[Metric.COUNT][sc.days()], 0, ex);
        }
    }
}
