package org.resolve.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;

/**
 * Measures a sweep into a fresh store: {@code WriteBench FILE RUNS DAYS THREADS [BATCH_ROWS [MODE]]}.
 * Not a test; run it by hand (see docs/RESULTS_STORE.md).
 */
public final class WriteBench {
    private WriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
        int runs = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long batchRows = args.length > 4 ? Long.parseLong(args[4]) : BatchPolicy.DEFAULT.maxRows();
        EngineSpec engine = args.length > 5 ? EngineSpec.of(Mode.byKey(args[5])) : EngineSpec.aggregate(6);
        Scenario sc = StoreTesting.scenario(days);
        Sweep sweep = Sweep.of(sc, RunPlan.monteCarlo(sc, StoreTesting.ROOT_SEED, runs), engine, "WriteBench");
        long t0 = System.nanoTime();
        SweepSummary s;
        try (ResultsStore store = ResultsStore.open(file)) {
            s = new SweepRunner(store, threads, new BatchPolicy(10_000, batchRows, Duration.ofSeconds(30)), Duration.ofSeconds(30))
                    .run(sweep, SweepProgress.NONE);
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(engine.describe() + " runs=%d days=%d metrics=%d threads=%d batchRows=%d: %.2f s (incl. close), %.1f runs/s, %.0f rows/s, %d rows, file %.1f MB%n",
                runs, sc.days(), Metric.COUNT, threads, batchRows, sec, s.ranNow() / sec, s.rowsWritten() / sec, s.rowsWritten(),
                Files.size(file) / 1e6);
    }
}
