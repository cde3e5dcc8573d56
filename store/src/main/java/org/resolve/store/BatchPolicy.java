package org.resolve.store;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link RunWriter} commits its batch: after {@code maxRuns} runs, after {@code maxRows}
 * series and KPI rows, or when the batch's first run was written {@code maxAge} ago, whichever
 * comes first (checked after each run). Larger batches write faster and make fewer, fuller row
 * groups; smaller ones lose less work to a kill -9. The default (at most 1,000,000 rows, about 58
 * runs of 365 days, or 30 s) was chosen by measurement, see docs/RESULTS_STORE.md.
 *
 * @param maxRuns runs per batch, >= 1
 * @param maxRows series + KPI rows per batch, >= 1
 * @param maxAge longest time a batch stays open while runs arrive, > 0
 */
public record BatchPolicy(int maxRuns, long maxRows, Duration maxAge) {
    /** At most 10,000 runs, 1,000,000 rows or 30 seconds per batch. */
    public static final BatchPolicy DEFAULT = new BatchPolicy(10_000, 1_000_000, Duration.ofSeconds(30));

    /** @throws IllegalArgumentException if a limit is not positive */
    public BatchPolicy {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be >= 1: " + maxRuns);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1: " + maxRows);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be > 0: " + maxAge);
        }
    }

    /** @param runs runs per batch, >= 1 @return a policy that commits every {@code runs} runs (and at the default row and age limits) */
    public static BatchPolicy everyRuns(int runs) {
        return new BatchPolicy(runs, DEFAULT.maxRows, DEFAULT.maxAge);
    }

    boolean due(int runs, long rows, long ageNanos) {
        return runs >= maxRuns || rows >= maxRows || ageNanos >= maxAge.toNanos();
    }
}
