package org.resolve.store;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * Runs only the runs the store does not hold: the others return an empty placeholder at once,
 * which the sink drops. This lets {@link org.resolve.analysis.LocalExecutor} execute the remaining
 * runs of a plan without a way to build a sub-plan (RunPlan has no public constructor for a
 * subset of runs).
 */
final class SkippingEngine extends Engine {
    private static final double[][] NO_SERIES = new double[0][];

    private final Engine delegate;
    private final BitSet skip;
    private final int toRun;
    private final SweepProgress progress;
    private final AtomicInteger done = new AtomicInteger();

    SkippingEngine(Engine delegate, BitSet skip, int toRun, SweepProgress progress) {
        this.delegate = delegate;
        this.skip = (BitSet) skip.clone();
        this.toRun = toRun;
        this.progress = progress;
    }

    @Override
    public Mode mode() {
        return delegate.mode();
    }

    @Override
    public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
        if (skip.get(runIndex)) {
            return new RunResult(runIndex, replicationSeed, parameters, NO_SERIES);
        }
        try {
            return delegate.run(sc, parameters, replicationSeed, runIndex);
        } finally {
            progress.update(done.incrementAndGet(), toRun);
        }
    }
}
