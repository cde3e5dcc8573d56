package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.analysis.LocalExecutor;
import org.resolve.core.engine.Mode;
import org.resolve.store.BatchPolicy;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepProgress;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/**
 * Tasks that Spark retries (every task's first attempt fails, {@code local[2,3]}) or that it may
 * run twice (speculation) give the same stored rows as the local executor, each run once.
 */
class SparkRetryTest {
    static final int RUNS = 12;
    static final int DAYS = 60;

    /** Counts task attempts: failed ones and speculative ones. */
    static final class Attempts extends SparkListener {
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger speculative = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        @Override
        public void onTaskStart(SparkListenerTaskStart e) {
            started.incrementAndGet();
            if (e.taskInfo().speculative()) {
                speculative.incrementAndGet();
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            if (e.taskInfo().failed()) {
                failed.incrementAndGet();
            }
        }
    }

    static Map<String, List<List<Object>>> reference(Sweep sweep, Path dir) throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("local.duckdb"))) {
            new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            return SparkTesting.rows(store.connection(), sweep.id());
        }
    }

    static Map<String, List<List<Object>>> onSpark(SparkSession spark, Sweep sweep, FlakyEngine.FirstAttempt first,
                                                  Path dir) throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("spark.duckdb"))) {
            SweepSummary s = new SweepRunner(store, new SparkExecutor(spark), BatchPolicy.everyRuns(5), Duration.ofSeconds(30))
                    .run(sweep, new FlakyEngine(sweep.engine().create(), first), SweepProgress.NONE);
            assertTrue(s.complete());
            assertEquals(RUNS, s.ranNow());
            SparkTesting.assertNoDuplicates(store.connection(), sweep.id(), RUNS, DAYS);
            return SparkTesting.rows(store.connection(), sweep.id());
        }
    }

    @Test
    void failedFirstAttemptsAreRetriedWithIdenticalResults(@TempDir Path dir) throws Exception {
        Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, RUNS, DAYS);
        Map<String, List<List<Object>>> expected = reference(sweep, dir);
        SparkSession spark = SparkTesting.session("local[2,3]", Map.of());
        try {
            Attempts attempts = new Attempts();
            spark.sparkContext().addSparkListener(attempts);
            SparkExecutor ex = new SparkExecutor(spark);
            Map<String, List<List<Object>>> actual = onSpark(spark, sweep, FlakyEngine.FirstAttempt.FAIL, dir);
            spark.sparkContext().listenerBus().waitUntilEmpty();
            int tasks = (RUNS + ex.runsPerTask(RUNS) - 1) / ex.runsPerTask(RUNS);
            assertEquals(tasks, attempts.failed.get(), "every task's first attempt failed");
            assertEquals(2 * tasks, attempts.started.get(), "and its second attempt succeeded");
            SparkTesting.assertSameRows(expected, actual);
        } finally {
            spark.stop();
        }
    }

    @Test
    void withSpeculationTheResultsAreIdentical(@TempDir Path dir) throws Exception {
        Sweep sweep = SparkTesting.sweep(Mode.AGGREGATE, RUNS, DAYS);
        Map<String, List<List<Object>>> expected = reference(sweep, dir);
        SparkSession spark = SparkTesting.session("local[2,3]", Map.of(
                "spark.speculation", "true",
                "spark.speculation.interval", "10ms",
                "spark.speculation.quantile", "0.1",
                "spark.speculation.multiplier", "1.1",
                "spark.speculation.minTaskRuntime", "10ms"));
        try {
            Attempts attempts = new Attempts();
            spark.sparkContext().addSparkListener(attempts);
            Map<String, List<List<Object>>> actual = onSpark(spark, sweep, FlakyEngine.FirstAttempt.SLOW, dir);
            spark.sparkContext().listenerBus().waitUntilEmpty();
            System.out.println("speculation: " + attempts.started.get() + " task attempts, " + attempts.speculative.get()
                    + " speculative, " + attempts.failed.get() + " failed or killed");
            assertEquals("true", spark.conf().get("spark.speculation"));
            SparkTesting.assertSameRows(expected, actual);
        } finally {
            spark.stop();
        }
    }
}
