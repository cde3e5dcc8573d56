package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/** Idempotence, atomicity, sweep ids and schema upgrades of the store. */
class ResultsStoreTest {
    private static final int DAYS = 30;
    private static final long ROWS_PER_RUN = (long) DAYS * Metric.COUNT + Metric.COUNT;

    @TempDir
    Path dir;

    private static List<RunResult> results(Sweep sweep) throws Exception {
        List<RunResult> out = new ArrayList<>();
        new LocalExecutor(2).execute(sweep.scenario(), sweep.engine().create(), sweep.plan(), out::add, n -> { });
        return out;
    }

    @Test
    void rewritingStoredRunsAddsNoRows() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(10, DAYS);
        List<RunResult> runs = results(sweep);
        try (ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"))) {
            store.beginSweep(sweep);
            try (RunWriter w = store.writer(sweep.id(), BatchPolicy.everyRuns(4), null)) {
                for (RunResult r : runs) {
                    assertTrue(w.write(r));
                }
            }
            RowCounts first = store.counts(sweep.id());
            assertEquals(new RowCounts(10, 0, 10L * DAYS * Metric.COUNT, 10L * Metric.COUNT), first);
            Map<String, String> digests = StoreTesting.tableDigests(store.connection(), sweep.id());

            // Again, in other batch sizes: every write is refused and nothing is added.
            try (RunWriter w = store.writer(sweep.id(), BatchPolicy.everyRuns(3), null)) {
                for (RunResult r : runs) {
                    assertFalse(w.write(r), "run " + r.runIndex());
                }
                assertEquals(10, w.runsSkipped());
                assertEquals(0, w.runsStored());
            }
            assertEquals(first, store.counts(sweep.id()));
            assertEquals(digests, StoreTesting.tableDigests(store.connection(), sweep.id()));

            // The whole sweep again: nothing to run, nothing added.
            SweepSummary s = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertEquals(10, s.alreadyPresent());
            assertEquals(0, s.ranNow());
            assertTrue(s.complete());
            assertEquals(first, store.counts(sweep.id()));
            assertEquals(digests, StoreTesting.tableDigests(store.connection(), sweep.id()));
        }
    }

    @Test
    void theSameRunTwiceInOneBatchIsStoredOnce() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(3, DAYS);
        List<RunResult> runs = results(sweep);
        try (ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"))) {
            store.beginSweep(sweep);
            try (RunWriter w = store.writer(sweep.id(), BatchPolicy.everyRuns(100), null)) {
                assertTrue(w.write(runs.get(1)));
                assertFalse(w.write(runs.get(1)));
                assertTrue(w.write(runs.get(0)));
                assertEquals(2, w.commit());
                assertFalse(w.write(runs.get(0)));
            }
            assertEquals(new RowCounts(2, 0, 2L * DAYS * Metric.COUNT, 2L * Metric.COUNT), store.counts(sweep.id()));
        }
    }

    @Test
    void aRunThatFailsHalfWrittenRollsBackItsWholeBatch() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(6, DAYS);
        List<RunResult> runs = results(sweep);
        try (ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"))) {
            store.beginSweep(sweep);
            try (RunWriter w = store.writer(sweep.id(), BatchPolicy.everyRuns(3), null)) {
                for (int i = 0; i < 3; i++) {
                    w.write(runs.get(i)); // the third write commits the first batch
                }
                w.write(runs.get(3));
                // A result whose last metric is a day short: its other metrics are appended first.
                RunResult good = runs.get(4);
                double[][] series = Arrays.stream(good.series()).map(double[]::clone).toArray(double[][]::new);
                series[Metric.COUNT - 1] = Arrays.copyOf(series[Metric.COUNT - 1], DAYS - 1);
                RunResult broken = new RunResult(4, good.seed(), good.parameters(), series);
                assertThrows(ArrayIndexOutOfBoundsException.class, () -> w.write(broken));
                assertFalse(w.inBatch());
            }
            // Only the committed batch: run 3 went with the broken run's batch, and nothing of run 4 is left.
            assertEquals(new RowCounts(3, 0, 3L * DAYS * Metric.COUNT, 3L * Metric.COUNT), store.counts(sweep.id()));
            BitSet stored = store.storedRuns(sweep.id());
            assertEquals("{0, 1, 2}", stored.toString());
            // The next session stores the rest, whole.
            SweepSummary s = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertEquals(3, s.alreadyPresent());
            assertEquals(3, s.ranNow());
            assertEquals(3 * ROWS_PER_RUN, s.rowsWritten());
            StoreTesting.assertNoDuplicatesNoGaps(store.connection(), sweep.id(), 6);
        }
    }

    @Test
    void sweepIdDependsOnWhatDefinesTheSweepOnly() throws Exception {
        Scenario sc = StoreTesting.scenario(DAYS);
        RunPlan plan = RunPlan.monteCarlo(sc, 7, 20);
        String id = Sweep.of(sc, plan, EngineSpec.aggregate(6), "resolve run --threads 2").id();
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertEquals(id, Sweep.of(sc, RunPlan.monteCarlo(sc, 7, 20), EngineSpec.aggregate(6), "resolve run --threads 8").id(),
                "the command line and thread count are not part of the sweep");
        List<String> others = List.of(
                Sweep.of(sc, RunPlan.monteCarlo(sc, 8, 20), EngineSpec.aggregate(6), "").id(),
                Sweep.of(sc, RunPlan.monteCarlo(sc, 7, 21), EngineSpec.aggregate(6), "").id(),
                Sweep.of(sc, plan, EngineSpec.aggregate(5), "").id(),
                Sweep.of(sc, plan, EngineSpec.agent(), "").id(),
                Sweep.of(StoreTesting.scenario(DAYS + 1), RunPlan.monteCarlo(StoreTesting.scenario(DAYS + 1), 7, 20),
                        EngineSpec.aggregate(6), "").id(),
                Sweep.of(sc.with(Map.of(Param.DESERTION_RATE, 0.01), 0), plan, EngineSpec.aggregate(6), "").id());
        for (String o : others) {
            assertNotEquals(id, o);
        }
        assertEquals(others.size(), others.stream().distinct().count());
    }

    @Test
    void theSweepRowRecordsItsDefinition() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(4, DAYS);
        try (ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"))) {
            new SweepRunner(store, 1).run(sweep, SweepProgress.NONE);
            SweepInfo i = store.sweep(sweep.id()).orElseThrow();
            assertEquals(sweep.scenario().id(), i.scenarioId());
            assertEquals(sweep.scenario().hash(), i.scenarioHash());
            assertEquals(sweep.modelVersion(), i.modelVersion());
            assertEquals("monte-carlo", i.design());
            assertEquals(StoreTesting.ROOT_SEED, i.rootSeed());
            assertEquals(Mode.AGGREGATE.key(), i.mode());
            assertEquals("aggregate bins=6", i.engine());
            assertEquals(4, i.runs());
            assertEquals(DAYS, i.days());
            assertEquals(sweep.scenario().intendedUse(), i.intendedUse());
            assertEquals("test", i.commandLine());
            assertEquals(SweepInfo.COMPLETE, i.status());
            assertEquals(0, i.resumes());
            assertEquals(List.of(i), store.sweeps());
        }
    }

    @Test
    void aStoreFromAModelWithFewerMetricsAndParametersIsUpgraded() throws Exception {
        Path file = dir.resolve("old.duckdb");
        Metric newest = Metric.values()[Metric.COUNT - 1];
        Param newParam = Param.values()[Param.values().length - 1];
        // Build by hand what an older version would have written.
        try (ResultsStore store = ResultsStore.open(file)) {
            assertEquals("metric_key", store.metricType());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("DROP TABLE series");
            st.execute("DROP TABLE kpis");
            st.execute("DROP TYPE metric_key");
            StringBuilder labels = new StringBuilder();
            for (int m = 0; m < Metric.COUNT - 1; m++) {
                labels.append(m == 0 ? "" : ", ").append('\'').append(Metric.of(m).key()).append('\'');
            }
            st.execute("CREATE TYPE metric_key AS ENUM (" + labels + ")");
            st.execute("CREATE TABLE series (sweep_id VARCHAR NOT NULL, run_index INTEGER NOT NULL, day INTEGER NOT NULL, "
                    + "metric metric_key NOT NULL, value DOUBLE)");
            st.execute("CREATE TABLE kpis (sweep_id VARCHAR NOT NULL, run_index INTEGER NOT NULL, metric metric_key NOT NULL, value DOUBLE)");
            st.execute("INSERT INTO series VALUES ('old', 0, 0, '" + Metric.of(0).key() + "', 1.5)");
            st.execute("ALTER TABLE runs DROP COLUMN \"" + newParam.key() + "\"");
        }
        Sweep sweep = StoreTesting.aggregateSweep(3, DAYS);
        try (ResultsStore store = ResultsStore.open(file)) {
            assertEquals("metric_key_2", store.metricType());
            assertEquals(1, StoreTesting.scalar(store.connection(),
                    "SELECT count(*) FROM series WHERE sweep_id = 'old' AND metric = '" + Metric.of(0).key() + "' AND value = 1.5"));
            new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertEquals(new RowCounts(3, 0, 3L * DAYS * Metric.COUNT, 3L * Metric.COUNT), store.counts(sweep.id()));
            assertEquals(3, StoreTesting.scalar(store.connection(), "SELECT count(*) FROM kpis WHERE metric = '" + newest.key() + "'"));
            assertEquals(3, StoreTesting.scalar(store.connection(),
                    "SELECT count(\"" + newParam.key() + "\") FROM runs WHERE sweep_id = '" + sweep.id() + "'"));
        }
    }

    @Test
    void aWriterIsRefusedWhileAnotherIsOpenAndAClosedStoreRefusesUse() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(2, DAYS);
        ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"));
        store.beginSweep(sweep);
        RunWriter w = store.writer(sweep.id(), BatchPolicy.DEFAULT, null);
        assertThrows(IllegalStateException.class, () -> store.writer(sweep.id(), BatchPolicy.DEFAULT, null));
        w.write(results(sweep).get(0));
        store.close(); // commits the open batch
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.counts(sweep.id()));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        try (ResultsStore again = ResultsStore.open(dir.resolve("s.duckdb"))) {
            assertEquals(1, again.counts(sweep.id()).runs());
        }
    }
}
