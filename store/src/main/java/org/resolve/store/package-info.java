/**
 * The results store: an embedded DuckDB file of tidy tables (sweeps, runs, series, kpis), written
 * in batch transactions so that a killed sweep resumes where it stopped, with Parquet and CSV
 * export.
 *
 * <p>Typical use, as by the {@code resolve} command:
 * <pre>{@code
 * Sweep sweep = Sweep.of(scenario, RunPlan.monteCarlo(scenario, seed, n), EngineSpec.aggregate(bins), commandLine);
 * try (ResultsStore store = ResultsStore.open(Path.of("results.duckdb"))) {
 *     SweepSummary s = new SweepRunner(store, threads).run(sweep, (done, total) -> bar.update(done, total));
 *     if (s.interrupted()) return 130;          // Ctrl-C: the store is closed and resumable
 *     store.exportParquet(outDir, s.sweepId());
 * }
 * }</pre>
 * See docs/RESULTS_STORE.md for the schema, the design choices and measured write rates.
 */
package org.resolve.store;
