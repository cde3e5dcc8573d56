package org.resolve.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * Runs a plan on local threads. Runs are independent and each one's random numbers derive only
 * from its seed, so the results do not depend on the number of threads; the sink receives them in
 * run-index order, with at most a few runs per thread held in memory at once. A run that throws is
 * passed on as a failed result (see {@link RunResult#failed}) and the others go on.
 */
public final class LocalExecutor implements RunExecutor {
    private final int threads;

    /** @param threads worker threads, >= 1 */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs every run of the plan.
     *
     * @param sc the scenario
     * @param engine the engine (stateless, shared by the threads)
     * @param plan the runs
     * @param sink receives each result in index order, on the calling thread
     * @param progress told the number of runs completed so far (any thread)
     * @throws Exception the first failure of a run or of the sink
     */
    @Override
    public void execute(Scenario sc, Engine engine, RunPlan plan, Sink sink, IntConsumer progress) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "resolve-run");
            t.setDaemon(true);
            return t;
        });
        try {
            int window = threads * 4;
            Deque<Future<RunResult>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < plan.size() || !inFlight.isEmpty()) {
                while (next < plan.size() && inFlight.size() < window) {
                    RunSpec spec = plan.runs().get(next++);
                    inFlight.add(pool.submit(() -> {
                        RunResult r;
                        try {
                            r = engine.run(sc, spec.parameters(), spec.seed(), spec.runIndex());
                        } catch (RuntimeException e) {
                            // A run that fails before its first day is stored as failed too; the
                            // ensemble goes on.
                            r = RunResult.failed(spec.runIndex(), spec.seed(), spec.parameters().clone(),
                                    new double[Metric.COUNT][sc.days()], 0, e);
                        }
                        progress.accept(done.incrementAndGet());
                        return r;
                    }));
                }
                RunResult r;
                try {
                    r = inFlight.removeFirst().get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw c instanceof Exception ex ? ex : new RuntimeException(c);
                }
                sink.accept(r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String describe() {
        return "local threads=" + threads;
    }
}
