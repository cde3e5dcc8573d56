package org.resolve.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunExecutor;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.store.BatchPolicy;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepProgress;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;

/** Spark {@code local[2]} gives bit for bit the results of the local executor, in both modes. */
class SparkExecutorTest {
    static final int RUNS = 12;
    static final int DAYS = 60;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTesting.session("local[2]", Map.of());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Engine engine(Sweep sweep) {
        return sweep.engine().create().injectFault(5, 25); // a failed run travels too
    }

    static List<RunResult> collect(RunExecutor ex, Sweep sweep) throws Exception {
        List<RunResult> out = new ArrayList<>();
        ex.execute(sweep.scenario(), engine(sweep), sweep.plan(), out::add, n -> { });
        return out;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sameResultsAndAggregatesAsLocal(Mode mode) throws Exception {
        Sweep sweep = SparkTesting.sweep(mode, RUNS, DAYS);
        List<RunResult> local = collect(new LocalExecutor(2), sweep);
        SparkExecutor ex = new SparkExecutor(spark);
        List<RunResult> distributed = collect(ex, sweep);
        assertEquals(RUNS, distributed.size());
        KpiSummary a = new KpiSummary();
        KpiSummary b = new KpiSummary();
        for (int i = 0; i < RUNS; i++) {
            RunResult l = local.get(i);
            RunResult d = distributed.get(i);
            assertEquals(i, d.runIndex(), "run-index order");
            assertEquals(l.seed(), d.seed());
            assertEquals(l.failedDay(), d.failedDay());
            assertEquals(l.error(), d.error());
            assertEquals(bits(l.parameters()), bits(d.parameters()), "parameters of run " + i);
            for (Metric m : Metric.values()) {
                assertEquals(bits(l.series()[m.ordinal()]), bits(d.series()[m.ordinal()]), m.key() + " of run " + i);
            }
            a.add(l);
            b.add(d);
        }
        assertEquals(25, distributed.get(5).failedDay());
        for (Metric m : Metric.values()) {
            assertEquals(a.row(m), b.row(m), "aggregate of " + m.key());
        }
        assertEquals(a.failed(), b.failed());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void storesTheSameRowsAsLocal(Mode mode, @TempDir Path dir) throws Exception {
        Sweep sweep = SparkTesting.sweep(mode, RUNS, DAYS);
        Map<String, List<List<Object>>> expected;
        try (ResultsStore store = ResultsStore.open(dir.resolve("local.duckdb"))) {
            SweepSummary s = new SweepRunner(store, new LocalExecutor(2), BatchPolicy.everyRuns(5), Duration.ofSeconds(30))
                    .run(sweep, engine(sweep), SweepProgress.NONE);
            assertTrue(s.complete());
            expected = SparkTesting.rows(store.connection(), sweep.id());
        }
        try (ResultsStore store = ResultsStore.open(dir.resolve("spark.duckdb"))) {
            SweepSummary s = new SweepRunner(store, new SparkExecutor(spark), BatchPolicy.everyRuns(5), Duration.ofSeconds(30))
                    .run(sweep, engine(sweep), SweepProgress.NONE);
            assertTrue(s.complete());
            assertEquals(RUNS, s.ranNow());
            assertEquals(1, s.failed());
            Map<String, List<List<Object>>> actual = SparkTesting.rows(store.connection(), sweep.id());
            assertEquals(RUNS, actual.get("runs").size());
            assertEquals((RUNS - 1) * DAYS * Metric.COUNT + 25 * Metric.COUNT, actual.get("series").size());
            SparkTesting.assertSameRows(expected, actual);
        }
    }

    static List<Long> bits(double[] v) {
        List<Long> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(Double.doubleToRawLongBits(x));
        }
        return out;
    }
}
