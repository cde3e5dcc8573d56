package org.resolve.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.EngineSpec;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepProgress;
import org.resolve.store.SweepRunner;

/**
 * Throughput of Spark {@code local[N]} against the local executor with N threads, on kursk-2024 at
 * its full horizon: whole sweeps into a fresh store (what {@code resolve sweep} does), and the
 * executors alone (results discarded). Prints one line per measurement; the Spark session's start
 * is timed on its own.
 *
 * <pre>
 * java [Spark's JVM flags] -cp ... org.resolve.spark.SparkBench MODE RUNS THREADS REPEATS DIR
 * </pre>
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
        int runs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        Path dir = Path.of(args[4]);
        Files.createDirectories(dir);
        Scenario sc = ScenarioLoader.load("kursk-2024");
        Sweep sweep = Sweep.of(sc, RunPlan.monteCarlo(sc, 20241008L, runs), EngineSpec.of(mode), "SparkBench");
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("resolve-bench").master("local[" + threads + "]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        System.out.printf(Locale.ROOT, "spark session start %.2f s%n", (System.nanoTime() - t0) / 1e9);
        RunExecutor local = new LocalExecutor(threads);
        RunExecutor distributed = new SparkExecutor(spark);
        try {
            for (int i = 0; i < repeats; i++) {
                for (RunExecutor ex : i % 2 == 0 ? new RunExecutor[] {local, distributed} : new RunExecutor[] {distributed, local}) {
                    String name = ex == local ? "local[" + threads + " threads]" : "spark local[" + threads + "]";
                    long a = System.nanoTime();
                    ex.execute(sweep.scenario(), sweep.engine().create(), sweep.plan(), r -> { }, n -> { });
                    double s = (System.nanoTime() - a) / 1e9;
                    System.out.printf(Locale.ROOT, "%s %s executor-only %d runs %.2f s %.1f runs/s%n", mode.key(), name,
                            runs, s, runs / s);
                    Path file = dir.resolve("bench-" + i + "-" + (ex == local ? "local" : "spark") + ".duckdb");
                    Files.deleteIfExists(file);
                    a = System.nanoTime();
                    try (ResultsStore store = ResultsStore.open(file)) {
                        new SweepRunner(store, ex)
                                .run(sweep, SweepProgress.NONE);
                    }
                    s = (System.nanoTime() - a) / 1e9;
                    System.out.printf(Locale.ROOT, "%s %s sweep-with-store %d runs %.2f s %.1f runs/s%n", mode.key(), name,
                            runs, s, runs / s);
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            spark.stop();
        }
        System.out.println(Map.of("done", true));
    }
}
