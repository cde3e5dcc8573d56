package org.resolve.store;

/**
 * How many rows a sweep has in each table.
 *
 * @param runs stored runs (ok and failed)
 * @param failedRuns stored runs with status {@code failed}
 * @param seriesRows rows of {@code series}
 * @param kpiRows rows of {@code kpis}
 */
public record RowCounts(long runs, long failedRuns, long seriesRows, long kpiRows) {
}
