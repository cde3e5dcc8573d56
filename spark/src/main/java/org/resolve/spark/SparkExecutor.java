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
import java.util.function.IntSupplier;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.RunSpec;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
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
 * as {@link RunResult}s. A chunk is sized when it is submitted, from the slots Spark has at that
 * moment ({@link Chunker}), so the executors of a cluster that register after the session started
 * are used by the next chunk. Tasks have no side effects: Spark may retry a failed task or run a slow one
 * twice (speculation) and keeps one result per partition. Only the driver writes (the results
 * store, through the sink).
 *
 * <h2>Memory</h2>
 * At most {@link #JOBS_IN_FLIGHT} chunks are submitted at a time besides the one whose results the
 * driver is handing to the sink, so it holds at most {@code 3 × slots × runsPerTask} results,
 * however long the plan. A chunk's results, which one job collects, are also kept below half of
 * {@code spark.driver.maxResultSize} (estimated with {@link #bytesPerResult}), so Spark does not
 * abort the job for returning too much.
 *
 * <h2>Interruption</h2>
 * An interrupt of the calling thread, or a failed job, cancels every submitted job (the one being
 * waited for too) and throws ({@link InterruptedException} for an interrupt); the runs already
 * handed to the sink stay handed.
 */
public final class SparkExecutor implements RunExecutor {
    /** Chunks (Spark jobs) submitted at once: one running, one queued so no slot idles between them. */
    public static final int JOBS_IN_FLIGHT = 2;
    /** The most runs one task carries out, unless {@code spark.resolve.runsPerTask} says otherwise. */
    public static final int DEFAULT_MAX_RUNS_PER_TASK = 32;
    /** Spark configuration key of the most runs per task. */
    public static final String RUNS_PER_TASK_KEY = "spark.resolve.runsPerTask";
    /** Spark's limit on the serialized results one job (action) returns to the driver; 0 means none. */
    static final String MAX_RESULT_SIZE_KEY = "spark.driver.maxResultSize";
    /** Per result, beyond its doubles: Java serialization's headers, seed, status, error message. */
    static final long RESULT_OVERHEAD_BYTES = 2048;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final boolean owned;
    private final int maxRunsPerTask;
    private final long maxResultSize;

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
        this.maxResultSize = jsc.getConf().getSizeAsBytes(MAX_RESULT_SIZE_KEY, "1g");
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

    /**
     * @return the task slots a job is spread over now ({@code N} of {@code local[N]}, the cores of
     *     the executors registered so far on a cluster, or {@code spark.default.parallelism})
     */
    public int slots() {
        return Math.max(1, jsc.defaultParallelism());
    }

    /**
     * @param runs runs in the plan
     * @return runs per task with the slots there are now (see {@link #runsPerTask(int, int, int)})
     */
    int runsPerTask(int runs) {
        return runsPerTask(runs, slots(), maxRunsPerTask);
    }

    /**
     * @param runs runs in the plan
     * @param slots task slots, >= 1
     * @param maxRunsPerTask the configured maximum, >= 1
     * @return runs per task: a quarter of an even share per slot, at least 1 and at most the
     *     configured maximum, so a plan is several jobs (bounded driver memory) of short tasks
     *     (cheap retries, even load)
     */
    static int runsPerTask(int runs, int slots, int maxRunsPerTask) {
        int share = (int) Math.ceil(runs / (4.0 * slots));
        return Math.max(1, Math.min(maxRunsPerTask, share));
    }

    /**
     * @param days days of each run
     * @param parameters parameter values of each run
     * @return an upper estimate of one {@link RunResult} as a task returns it (Java-serialized):
     *     every metric on every day and the parameter values as 8-byte doubles, plus
     *     {@link #RESULT_OVERHEAD_BYTES}
     */
    static long bytesPerResult(int days, int parameters) {
        return (long) days * Metric.COUNT * Double.BYTES + (long) parameters * Double.BYTES + RESULT_OVERHEAD_BYTES;
    }

    /**
     * @param maxResultSize {@code spark.driver.maxResultSize} in bytes; 0 (or less) for no limit
     * @param bytesPerResult the estimated size of one result ({@link #bytesPerResult})
     * @return the most runs one job may collect so that their results stay below half the limit
     *     (a margin for the estimate), at least 1; {@link Integer#MAX_VALUE} without a limit
     */
    static int maxRunsPerJob(long maxResultSize, long bytesPerResult) {
        if (maxResultSize <= 0) {
            return Integer.MAX_VALUE;
        }
        long runs = maxResultSize / 2 / Math.max(1, bytesPerResult);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, runs));
    }

    /**
     * A chunk of a plan: runs {@code from} (inclusive) to {@code to} (exclusive) of its list, one
     * Spark job of tasks of at most {@code perTask} consecutive runs each.
     *
     * @param from the first run's position in the plan's list
     * @param to the position after the last run
     * @param perTask the most runs per task
     */
    record Chunk(int from, int to, int perTask) {
        /** @return the runs in the chunk */
        int size() {
            return to - from;
        }

        /** @return the tasks (partitions) of the chunk's job */
        int tasks() {
            return (size() + perTask - 1) / perTask;
        }
    }

    /**
     * Cuts a plan's runs into consecutive chunks, each sized when it is asked for from the slots
     * there are then: {@link #runsPerTask(int, int, int)} runs per task, one task per slot, and at
     * most {@code maxRunsPerJob} runs. Every run is in exactly one chunk, in order.
     */
    static final class Chunker {
        private final int runs;
        private final IntSupplier slots;
        private final int maxRunsPerTask;
        private final int maxRunsPerJob;
        private int next;

        /**
         * @param runs runs in the plan
         * @param slots the task slots now, asked once per chunk
         * @param maxRunsPerTask the most runs per task, >= 1
         * @param maxRunsPerJob the most runs per chunk, >= 1
         */
        Chunker(int runs, IntSupplier slots, int maxRunsPerTask, int maxRunsPerJob) {
            this.runs = runs;
            this.slots = Objects.requireNonNull(slots, "slots");
            this.maxRunsPerTask = Math.max(1, maxRunsPerTask);
            this.maxRunsPerJob = Math.max(1, maxRunsPerJob);
        }

        /** @return whether runs remain to be chunked */
        boolean hasNext() {
            return next < runs;
        }

        /**
         * @return the next chunk, sized with the slots there are now
         * @throws java.util.NoSuchElementException if no run remains
         */
        Chunk next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("no run left");
            }
            int s = Math.max(1, slots.getAsInt());
            // Fewer runs per task rather than fewer tasks when the job size is capped: every slot works.
            int perTask = Math.min(runsPerTask(runs, s, maxRunsPerTask), Math.max(1, maxRunsPerJob / s));
            long perJob = Math.min((long) perTask * s, maxRunsPerJob);
            int end = (int) Math.min(runs, next + perJob);
            Chunk c = new Chunk(next, end, perTask);
            next = end;
            return c;
        }
    }

    @Override
    public void execute(Scenario sc, Engine engine, RunPlan plan, Sink sink, IntConsumer progress) throws Exception {
        if (plan.size() == 0) {
            return;
        }
        List<RunSpec> runs = plan.runs();
        Chunker chunks = new Chunker(runs.size(), this::slots, maxRunsPerTask,
                maxRunsPerJob(maxResultSize, bytesPerResult(sc.days(), runs.get(0).parameters().length)));
        Broadcast<Scenario> bScenario = jsc.broadcast(sc);
        Broadcast<Engine> bEngine = jsc.broadcast(engine);
        RunTask task = new RunTask(bScenario, bEngine);
        Deque<JavaFutureAction<List<RunResult>>> inFlight = new ArrayDeque<>();
        int done = 0;
        try {
            while (chunks.hasNext() || !inFlight.isEmpty()) {
                submit(sc, runs, chunks, task, inFlight);
                // Removed only once done: an interrupt or a failure while waiting cancels it below.
                List<RunResult> results = await(inFlight.getFirst());
                inFlight.removeFirst();
                // Keep the slots busy while this thread hands the chunk to the sink (the store).
                submit(sc, runs, chunks, task, inFlight);
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

    /** Submits chunks, each sized now, until {@link #JOBS_IN_FLIGHT} are queued or none is left. */
    private void submit(Scenario sc, List<RunSpec> runs, Chunker chunks, RunTask task,
                        Deque<JavaFutureAction<List<RunResult>>> inFlight) {
        while (chunks.hasNext() && inFlight.size() < JOBS_IN_FLIGHT) {
            Chunk c = chunks.next();
            List<RunSpec> chunk = new ArrayList<>(runs.subList(c.from(), c.to()));
            jsc.setJobDescription(String.format(Locale.ROOT, "resolve %s runs %d-%d", sc.id(),
                    chunk.get(0).runIndex(), chunk.get(chunk.size() - 1).runIndex()));
            inFlight.add(jsc.parallelize(chunk, c.tasks()).mapPartitions(task).collectAsync());
        }
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
