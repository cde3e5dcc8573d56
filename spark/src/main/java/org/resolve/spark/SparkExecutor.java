package org.resolve.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.RunResult;
import org.resolve.core.scenario.Scenario;

/**
 * Runs a plan on Apache Spark and hands the results to the sink in run-index order, on the
 * driver's calling thread, exactly as {@link org.resolve.analysis.LocalExecutor} does (same seeds
 * per run index, same doubles).
 *
 * <h2>What goes where</h2>
 * The scenario and the engine (its settings) are broadcast once per plan. The plan is cut into
 * chunks of consecutive runs; each chunk is one Spark job of one task per slot, each task a slice
 * of {@link RunSpec}s (index, seed, parameter values) that it runs with {@link RunTask} and returns
 * as {@link RunResult}s. Tasks have no side effects: Spark may retry a failed task or run a slow one
 * twice (speculation) and keeps one result per partition. Only the driver writes (the results
 * store, through the sink).
 *
 * <h2>Memory</h2>
 * At most {@link #JOBS_IN_FLIGHT} chunks are submitted at a time besides the one whose results the
 * driver is handing to the sink, so it holds at most {@code 3 × slots × runsPerTask} results,
 * however long the plan.
 *
 * <h2>Interruption</h2>
 * An interrupt of the calling thread cancels the submitted jobs and throws
 * {@link InterruptedException}; the runs already handed to the sink stay handed.
 */
public final class SparkExecutor implements RunExecutor {
    /** Chunks (Spark jobs) submitted at once: one running, one queued so no slot idles between them. */
    public static final int JOBS_IN_FLIGHT = 2;
    /** The most runs one task carries out, unless {@code spark.resolve.runsPerTask} says otherwise. */
    public static final int DEFAULT_MAX_RUNS_PER_TASK = 32;
    /** Spark configuration key of the most runs per task. */
    public static final String RUNS_PER_TASK_KEY = "spark.resolve.runsPerTask";

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final boolean owned;
    private final int maxRunsPerTask;

    /**
     * An executor on a running Spark session (which the caller stops).
     *
     * @param spark the session
     */
    public SparkExecutor(SparkSession spark) {
        this(spark, false);
    }

    private SparkExecutor(SparkSession spark, boolean owned) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.owned = owned;
        this.maxRunsPerTask = Math.max(1, jsc.getConf().getInt(RUNS_PER_TASK_KEY, DEFAULT_MAX_RUNS_PER_TASK));
    }

    /**
     * Starts (or joins) a Spark session and makes an executor that stops it on {@link #close}.
     *
     * @param master a master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}, ...);
     *     null to take {@code spark.master} as spark-submit sets it, or else {@code local[threads]}
     * @param threads slots of the default {@code local[threads]} master, >= 1
     * @return the executor
     */
    public static SparkExecutor open(String master, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        String m = master != null ? master : System.getProperty("spark.master", "local[" + threads + "]");
        checkReachable(m);
        SparkSession.Builder b = SparkSession.builder().appName("resolve").master(m);
        if (m.startsWith("local")) {
            // A laptop run: no web UI, nothing listening beyond this machine.
            b.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
                    .config("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"))
                    .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"));
        }
        return new SparkExecutor(b.getOrCreate(), true);
    }

    /**
     * Fails fast, with one line, when a standalone master ({@code spark://host:port[,host:port]})
     * accepts no connection: Spark itself would retry for about a minute, logging stack traces.
     *
     * @param master the master URL
     * @throws IllegalArgumentException if the URL is malformed or no listed master answers
     */
    static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        String rest = master.substring("spark://".length());
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(master + ": expected spark://HOST:PORT");
        }
        StringBuilder tried = new StringBuilder();
        for (String hp : rest.split(",")) {
            int colon = hp.lastIndexOf(':');
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hp.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(master + ": '" + hp.substring(colon + 1) + "' is not a port; expected spark://HOST:PORT");
            }
            String host = colon < 0 ? hp : hp.substring(0, colon);
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), 3_000);
                return;
            } catch (java.io.IOException e) {
                tried.append(tried.length() == 0 ? "" : "; ").append(host).append(':').append(port).append(": ")
                        .append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new IllegalArgumentException("no Spark master answers at " + master + " (" + tried + ")");
    }

    /** @return the Spark session */
    public SparkSession session() {
        return spark;
    }

    /** @return the task slots a job is spread over ({@code N} of {@code local[N]}, all cores of a cluster) */
    public int slots() {
        return Math.max(1, jsc.defaultParallelism());
    }

    /**
     * @param runs runs in the plan
     * @return runs per task: a quarter of an even share per slot, at least 1 and at most the
     *     configured maximum, so a plan is several jobs (bounded driver memory) of short tasks
     *     (cheap retries, even load)
     */
    int runsPerTask(int runs) {
        int share = (int) Math.ceil(runs / (4.0 * slots()));
        return Math.max(1, Math.min(maxRunsPerTask, share));
    }

    @Override
    public void execute(Scenario sc, Engine engine, RunPlan plan, Sink sink, IntConsumer progress) throws Exception {
        if (plan.size() == 0) {
            return;
        }
        int slots = slots();
        int perTask = runsPerTask(plan.size());
        int perJob = perTask * slots;
        List<RunSpec> runs = plan.runs();
        Broadcast<Scenario> bScenario = jsc.broadcast(sc);
        Broadcast<Engine> bEngine = jsc.broadcast(engine);
        RunTask task = new RunTask(bScenario, bEngine);
        Deque<JavaFutureAction<List<RunResult>>> inFlight = new ArrayDeque<>();
        int next = 0;
        int done = 0;
        try {
            while (next < runs.size() || !inFlight.isEmpty()) {
                next = submit(sc, runs, next, perTask, perJob, task, inFlight);
                List<RunResult> results = await(inFlight.removeFirst());
                // Keep the slots busy while this thread hands the chunk to the sink (the store).
                next = submit(sc, runs, next, perTask, perJob, task, inFlight);
                for (RunResult r : results) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("sweep interrupted");
                    }
                    progress.accept(++done);
                    sink.accept(r);
                }
            }
        } finally {
            for (JavaFutureAction<List<RunResult>> f : inFlight) {
                f.cancel(true);
            }
            jsc.setJobDescription(null);
            bScenario.destroy();
            bEngine.destroy();
        }
    }

    /** Submits chunks until {@link #JOBS_IN_FLIGHT} are queued; @return the next run to submit */
    private int submit(Scenario sc, List<RunSpec> runs, int next, int perTask, int perJob, RunTask task,
                       Deque<JavaFutureAction<List<RunResult>>> inFlight) {
        while (next < runs.size() && inFlight.size() < JOBS_IN_FLIGHT) {
            int end = Math.min(runs.size(), next + perJob);
            List<RunSpec> chunk = new ArrayList<>(runs.subList(next, end));
            int tasks = (chunk.size() + perTask - 1) / perTask;
            jsc.setJobDescription(String.format(Locale.ROOT, "resolve %s runs %d-%d", sc.id(),
                    chunk.get(0).runIndex(), chunk.get(chunk.size() - 1).runIndex()));
            inFlight.add(jsc.parallelize(chunk, tasks).mapPartitions(task).collectAsync());
            next = end;
        }
        return next;
    }

    /** Waits for a job; an interrupt while waiting (or a job cancelled by one) is an interrupt. */
    private static List<RunResult> await(JavaFutureAction<List<RunResult>> job) throws Exception {
        try {
            return job.get();
        } catch (ExecutionException | CancellationException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("sweep interrupted");
            }
            Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw c instanceof Exception ex ? ex : new RuntimeException(c);
        }
    }

    @Override
    public String describe() {
        return "spark master=" + jsc.master() + " slots=" + slots();
    }

    /** Stops the Spark session if this executor started it. */
    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
