package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;

/** The stored rows do not depend on the number of threads. */
class ThreadsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"AGGREGATE, 150, 60", "AGENT, 6, 30"})
    void oneAndTwoThreadsStoreIdenticalRows(Mode mode, int runs, int days) throws Exception {
        Scenario sc = StoreTesting.scenario(days);
        Sweep sweep = Sweep.of(sc, RunPlan.monteCarlo(sc, StoreTesting.ROOT_SEED, runs), EngineSpec.of(mode), "test");
        Map<String, String> one = store(sweep, 1, "one.duckdb");
        Map<String, String> two = store(sweep, 2, "two.duckdb");
        assertTrue(one.get("series").startsWith(runs * days * org.resolve.core.engine.Metric.COUNT + ":"), one.toString());
        assertEquals(one, two);
    }

    private Map<String, String> store(Sweep sweep, int threads, String name) throws Exception {
        // Small batches, so that batch boundaries fall differently relative to the threads' work.
        try (ResultsStore store = ResultsStore.open(dir.resolve(name))) {
            SweepSummary s = new SweepRunner(store, threads, BatchPolicy.everyRuns(threads == 1 ? 7 : 16),
                    java.time.Duration.ofSeconds(30)).run(sweep, SweepProgress.NONE);
            assertTrue(s.complete());
            return StoreTesting.tableDigests(store.connection(), sweep.id());
        }
    }
}
