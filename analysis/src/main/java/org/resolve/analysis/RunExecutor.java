package org.resolve.analysis;

import java.util.function.IntConsumer;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * Carries out a run plan and hands the results to a sink in run-index order. Runs are independent
 * and each one's random numbers derive only from its seed, so every executor gives the same results
 * for the same plan: {@link LocalExecutor} on local threads, or a distributed one found through
 * {@link RunExecutorProvider}. A run that throws is passed on as a failed result
 * ({@link RunResult#failed}) and the others go on.
 */
public interface RunExecutor extends AutoCloseable {
    /** Receives results in run-index order, on the thread that called {@link #execute}. */
    @FunctionalInterface
    interface Sink {
        /** @param result one run's result @throws Exception to stop the ensemble */
        void accept(RunResult result) throws Exception;
    }

    /**
     * Runs every run of the plan.
     *
     * @param sc the scenario
     * @param engine the engine (holds only settings; a distributed executor ships a copy of it)
     * @param plan the runs
     * @param sink receives each result in index order, on the calling thread
     * @param progress told the number of runs completed so far (any thread)
     * @throws InterruptedException if the calling thread is interrupted; runs not yet handed to the
     *     sink are abandoned
     * @throws Exception the first failure of the executor or of the sink
     */
    void execute(Scenario sc, Engine engine, RunPlan plan, Sink sink, IntConsumer progress) throws Exception;

    /** @return what executes the runs, for messages and the record, e.g. {@code local threads=2} */
    String describe();

    /** Releases what the executor holds (a cluster session); the local executor holds nothing. */
    @Override
    default void close() {
    }
}
