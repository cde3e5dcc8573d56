package org.resolve.spark;

import org.apache.spark.TaskContext;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * An engine that breaks the first attempt of every Spark task: it throws an {@link Error} (which
 * the executor does not turn into a failed run) when a task's attempt number is 0, so Spark has to
 * retry the task; optionally it makes the first attempt slow instead, for speculation. Outside a
 * task it runs the wrapped engine.
 */
final class FlakyEngine extends Engine {
    private static final long serialVersionUID = 1L;

    /** What the first attempt of a task does. */
    enum FirstAttempt { FAIL, SLOW }

    private final Engine inner;
    private final FirstAttempt first;

    FlakyEngine(Engine inner, FirstAttempt first) {
        this.inner = inner;
        this.first = first;
    }

    @Override
    public Mode mode() {
        return inner.mode();
    }

    @Override
    public RunResult run(Scenario sc, double[] parameters, long replicationSeed, int runIndex) {
        TaskContext tc = TaskContext.get();
        if (tc != null && tc.attemptNumber() == 0) {
            if (first == FirstAttempt.FAIL) {
                throw new InjectedFailure("injected failure of task " + tc.partitionId() + " attempt 0");
            }
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InjectedFailure("slow first attempt interrupted");
            }
        }
        return inner.run(sc, parameters, replicationSeed, runIndex);
    }

    /** The injected failure: an Error, so it fails the task instead of the run. */
    static final class InjectedFailure extends Error {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
