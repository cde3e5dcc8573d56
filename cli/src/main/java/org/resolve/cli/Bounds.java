package org.resolve.cli;

import java.util.Locale;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;

/**
 * The stated ranges of the commands' numeric options, checked before anything runs, and the memory
 * a sweep will hold, checked against what this Java may use. Without them a count such as
 * {@code --replications 2147483647} got as far as allocating its run plan and died of an
 * OutOfMemoryError, and a thread count in the billions was taken at its word.
 *
 * <p>A value out of range is a {@link UserError} naming the option, its range and the value (exit
 * code 1, like every other invalid input). The ranges are listed in the user guide.
 */
final class Bounds {
    /**
     * The most runs one command may plan (replications, discover's --n, a sensitivity design's runs,
     * compare's replications times scenarios). A run index is an int everywhere, and the results
     * store, its CSV export and the summaries hold per-run values: a million runs is far beyond any
     * analysis here (the largest documented sweep has 20,000), and their KPIs alone fill gigabytes.
     */
    static final int MAX_RUNS = 1_000_000;
    /**
     * The most worker threads: far more than the cores of one machine. Each thread keeps four runs
     * in flight, whose daily series count against the memory budget as well.
     */
    static final int MAX_THREADS = 1024;
    /**
     * The most calibration particles. A calibration runs particles times tempering stages times 20
     * simulations; a hundred thousand particles already take days.
     */
    static final int MAX_PARTICLES = 100_000;
    /** The most tempering stages of a calibration (the default is 60; each costs a full round of simulations). */
    static final int MAX_GENERATIONS = 1_000;
    /** The most bootstrap resamples of a sensitivity analysis (the default is 1,000). */
    static final int MAX_RESAMPLES = 100_000;
    /** The most grid levels of a Morris design (4 is usual). */
    static final int MAX_LEVELS = 100;
    /** The most boxes discover may find by covering. */
    static final int MAX_BOXES = 100;
    /** The most predictive draws per report of a backtest; each holds a whole run's series. */
    static final int MAX_DRAWS = 100_000;
    /** The share of this Java's maximum heap a sweep's estimated holdings may take (the rest is the engines' and the libraries'). */
    static final double MEMORY_SHARE = 0.75;

    /** Bytes of one run of a plan: its RunSpec and parameter vector. */
    static final long PLAN_BYTES_PER_RUN = 48 + 8L * Param.values().length;
    /** Bytes of one run's KPIs read back from the store: a column value and a boxed summary value per metric. */
    static final long KPI_BYTES_PER_RUN = 32L * Metric.COUNT;
    /** Runs each worker thread keeps in flight (LocalExecutor's window). */
    static final int IN_FLIGHT_PER_THREAD = 4;

    private Bounds() {
    }

    /**
     * @param option the option, e.g. "--replications"
     * @param value its value
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return the value
     * @throws UserError if it is out of range
     */
    static int check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UserError(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    /**
     * @param what the options that set the number of runs, e.g. "--n 600000 (x 4 runs per row)"
     * @param runs the runs they plan
     * @throws UserError if above {@link #MAX_RUNS}
     */
    static void runs(String what, long runs) {
        if (runs > MAX_RUNS) {
            throw new UserError(what + " plans " + runs + " runs; expected at most " + MAX_RUNS + " runs per command");
        }
    }

    /**
     * @param threads worker threads
     * @param seriesDays days of series each run in flight holds (1 when only KPIs are kept)
     * @return bytes of the runs the workers hold in flight
     */
    static long inFlightBytes(int threads, int seriesDays) {
        return (long) threads * IN_FLIGHT_PER_THREAD * Metric.COUNT * seriesDays * 8L;
    }

    /** @return this Java's budget for a sweep's holdings, in bytes */
    static long budget() {
        return (long) (Runtime.getRuntime().maxMemory() * MEMORY_SHARE);
    }

    /**
     * @param what the options responsible, e.g. "--replications 900000 with --days 3650"
     * @param bytes the estimated bytes the command will hold
     * @throws UserError if the estimate exceeds {@link #budget()}
     */
    static void memory(String what, long bytes) {
        long budget = budget();
        if (bytes > budget) {
            throw new UserError(String.format(Locale.ROOT, "%s needs about %.1f GiB of memory and this Java may use %.1f GiB for it"
                    + " (%.0f%% of its maximum heap); ask for less, or give Java more memory (e.g. RESOLVE_JAVA_OPTS=-Xmx16g)",
                    what, bytes / GIB, budget / GIB, MEMORY_SHARE * 100));
        }
    }

    private static final double GIB = 1L << 30;
}
