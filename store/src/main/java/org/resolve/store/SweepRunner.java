package org.resolve.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;

/**
 * Runs a sweep into a results store: records the sweep, computes which of its runs the store does
 * not hold yet, executes only those with a {@link RunExecutor} ({@link LocalExecutor} threads by
 * default, or a distributed one) and streams each result into the store in batch transactions, on
 * the calling thread: executors have no side effects, only this session writes the store. Running the same sweep again resumes it; a complete sweep is not run
 * again. Failed runs are stored as failed and are not retried (the same seed fails the same way).
 *
 * <h2>Memory</h2>
 * A session holds the executor's window of runs (four per thread) and the appender's current chunk;
 * the open batch lives in DuckDB (which spills to disk), never all series in the Java heap.
 *
 * <h2>Ctrl-C</h2>
 * While {@link #run} executes, a JVM shutdown hook is installed. On SIGINT (or SIGTERM) the hook
 * asks the session to stop and interrupts the thread that called {@code run}, then waits (at most
 * 30 s by default) for it: the session stops taking results, commits the runs of the open batch
 * (each is complete), marks the sweep {@code interrupted}, closes the store (DuckDB checkpoints),
 * and only then lets the JVM exit. A session interrupted the same way by another thread stops the
 * same way but leaves the store open. If the wait times out or the process is killed with -9, the
 * uncommitted batch is lost and nothing else: DuckDB's write-ahead log holds only committed
 * batches, and the next session runs the missing runs.
 */
public final class SweepRunner {
    private final ResultsStore store;
    private final RunExecutor executor;
    private final BatchPolicy policy;
    private final Duration shutdownWait;
    /** How long a Ctrl-C waits for the batch to commit and the store to close, by default. */
    public static final Duration DEFAULT_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /**
     * @param store an open store
     * @param threads worker threads, >= 1 (results do not depend on it)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SweepRunner(ResultsStore store, int threads) {
        this(store, new LocalExecutor(threads));
    }

    /**
     * With the default batch policy and a 30-second wait for a Ctrl-C to commit.
     *
     * @param store an open store
     * @param executor runs the missing runs (results do not depend on which); the caller closes it
     */
    public SweepRunner(ResultsStore store, RunExecutor executor) {
        this(store, executor, BatchPolicy.DEFAULT, DEFAULT_SHUTDOWN_WAIT);
    }

    /**
     * @param store an open store
     * @param threads worker threads, >= 1 (results do not depend on it)
     * @param policy when to commit a batch
     * @param shutdownWait how long a Ctrl-C waits for the batch to commit and the store to close, > 0
     * @throws IllegalArgumentException if {@code threads < 1} or {@code shutdownWait} is not positive
     */
    public SweepRunner(ResultsStore store, int threads, BatchPolicy policy, Duration shutdownWait) {
        this(store, new LocalExecutor(threads), policy, shutdownWait);
    }

    /**
     * @param store an open store
     * @param executor runs the missing runs (results do not depend on which); the caller closes it
     * @param policy when to commit a batch
     * @param shutdownWait how long a Ctrl-C waits for the batch to commit and the store to close, > 0
     * @throws IllegalArgumentException if {@code shutdownWait} is not positive
     */
    public SweepRunner(ResultsStore store, RunExecutor executor, BatchPolicy policy, Duration shutdownWait) {
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (shutdownWait.isNegative() || shutdownWait.isZero()) {
            throw new IllegalArgumentException("shutdownWait must be > 0: " + shutdownWait);
        }
        this.shutdownWait = shutdownWait;
    }

    /**
     * Runs (or resumes) a sweep with an engine made from its {@link EngineSpec}.
     *
     * @param sweep the sweep
     * @param progress told of computed runs and of commits
     * @return what the session did
     * @throws StoreException if the store fails or the sweep cannot run; the sweep is then marked
     *     {@code aborted} and stays resumable
     */
    public SweepSummary run(Sweep sweep, SweepProgress progress) {
        return run(sweep, sweep.engine().create(), progress);
    }

    /**
     * Runs (or resumes) a sweep with a given engine, e.g. one with an injected fault.
     *
     * @param sweep the sweep
     * @param engine an engine of the sweep's mode and settings
     * @param progress told of computed runs and of commits
     * @return what the session did
     * @throws IllegalArgumentException if the engine's mode is not the sweep's
     * @throws StoreException if the store fails or the sweep cannot run; the sweep is then marked
     *     {@code aborted} and stays resumable
     */
    public SweepSummary run(Sweep sweep, Engine engine, SweepProgress progress) {
        if (engine.mode() != sweep.engine().mode()) {
            throw new IllegalArgumentException("engine mode " + engine.mode().key() + " is not the sweep's "
                    + sweep.engine().mode().key());
        }
        long t0 = System.nanoTime();
        String id = sweep.id();
        RunPlan plan = sweep.plan();
        store.beginSweep(sweep);
        BitSet present = present(plan, store.storedRuns(id));
        int already = present.cardinality();
        int toRun = plan.size() - already;
        if (toRun == 0) {
            store.setStatus(id, SweepInfo.COMPLETE);
            return new SweepSummary(id, plan.size(), already, 0, (int) store.counts(id).failedRuns(), 0,
                    (System.nanoTime() - t0) / 1e9, SweepInfo.COMPLETE);
        }
        Session s = new Session(plan.size(), already, progress);
        ShutdownGuard guard = new ShutdownGuard(Thread.currentThread(), shutdownWait);
        String status = SweepInfo.ABORTED;
        RuntimeException failure = null;
        boolean foreignInterrupt = false;
        try {
            RunWriter w = store.writer(id, policy, s::committed);
            try {
                executor.execute(sweep.scenario(), engine, plan.remaining(present), r -> {
                            if (guard.stopRequested()) {
                                throw new Stopped();
                            }
                            if (!present.get(r.runIndex())) {
                                progress.result(r);
                                w.write(r);
                            }
                        }, done -> progress.update(done, toRun));
                w.commit();
                status = SweepInfo.COMPLETE;
            } catch (InterruptedException | Stopped e) {
                foreignInterrupt = !guard.stopRequested();
                Thread.interrupted(); // clear the flag before the last commit
                w.commit(); // every run in the open batch is complete
                status = SweepInfo.INTERRUPTED;
            } catch (RuntimeException e) {
                w.rollback();
                failure = e;
            } catch (Exception e) {
                w.rollback();
                failure = new StoreException("sweep " + id + " stopped: " + ResultsStore.firstLine(String.valueOf(e.getMessage())), e);
            } catch (Error e) {
                w.rollback();
                throw e;
            } finally {
                w.close();
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            status = SweepInfo.ABORTED;
        } finally {
            SweepSummary summary = null;
            try {
                if (SweepInfo.COMPLETE.equals(status) && already + s.storedNow != plan.size()) {
                    status = SweepInfo.ABORTED; // cannot happen unless the store was changed under us
                    failure = new StoreException("sweep " + id + " finished with " + (already + s.storedNow) + " of "
                            + plan.size() + " runs stored in " + store.file());
                }
                store.setStatus(id, status);
                summary = new SweepSummary(id, plan.size(), already, s.storedNow, (int) store.counts(id).failedRuns(),
                        s.rows, (System.nanoTime() - t0) / 1e9, status);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            if (guard.stopRequested()) {
                try {
                    store.close(); // the JVM is going down: leave a clean, checkpointed file
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            guard.release();
            if (foreignInterrupt) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            s.summary = summary;
        }
        return s.summary;
    }

    /**
     * The runs of a plan the store does not hold.
     *
     * @param plan a plan
     * @param stored run indices stored ({@link ResultsStore#storedRuns})
     * @return its missing runs, in index order
     */
    public static List<RunSpec> missingRuns(RunPlan plan, BitSet stored) {
        List<RunSpec> out = new ArrayList<>();
        for (RunSpec r : plan.runs()) {
            if (!stored.get(r.runIndex())) {
                out.add(r);
            }
        }
        return out;
    }

    private static BitSet present(RunPlan plan, BitSet stored) {
        BitSet out = new BitSet();
        for (RunSpec r : plan.runs()) {
            if (stored.get(r.runIndex())) {
                out.set(r.runIndex());
            }
        }
        return out;
    }

    /** Counters of one session, updated on the calling thread. */
    private static final class Session {
        final int planned;
        final int already;
        final SweepProgress progress;
        int storedNow;
        long rows;
        SweepSummary summary;

        Session(int planned, int already, SweepProgress progress) {
            this.planned = planned;
            this.already = already;
            this.progress = progress;
        }

        void committed(int runs, long batchRows) {
            storedNow += runs;
            rows += batchRows;
            progress.committed(already + storedNow, planned);
        }
    }

    /** Thrown by the sink to stop the executor after Ctrl-C. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped by a shutdown request", null, false, false);
        }
    }

    /** A shutdown hook that stops the session and waits until it has closed the store. */
    static final class ShutdownGuard {
        private final Thread hook;
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile boolean stop;
        private boolean released;

        ShutdownGuard(Thread worker, Duration wait) {
            hook = new Thread(() -> {
                synchronized (this) {
                    if (released) {
                        return;
                    }
                    stop = true;
                    worker.interrupt();
                }
                try {
                    finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "resolve-store-shutdown");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException e) {
                stop = true; // the JVM is already shutting down
            }
        }

        boolean stopRequested() {
            return stop;
        }

        void release() {
            synchronized (this) {
                released = true;
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown in progress: the hook runs and returns at once
            }
        }
    }
}
