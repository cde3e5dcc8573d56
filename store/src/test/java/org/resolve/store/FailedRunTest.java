package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolve.analysis.RunPlan;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;

/** A run that throws on day k is stored as failed, with its error and its series before day k only. */
class FailedRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"AGGREGATE, 12, 60, 5, 25", "AGGREGATE, 12, 60, 0, 0", "AGENT, 5, 40, 2, 17"})
    void failedRunIsStoredAsFailedAndTheOthersComplete(Mode mode, int runs, int days, int failing, int day) throws Exception {
        Scenario sc = StoreTesting.scenario(days);
        Sweep sweep = Sweep.of(sc, RunPlan.monteCarlo(sc, StoreTesting.ROOT_SEED, runs), EngineSpec.of(mode), "test");
        try (ResultsStore store = ResultsStore.open(dir.resolve("f.duckdb"))) {
            SweepSummary s = new SweepRunner(store, 2).run(sweep, EngineSpec.of(mode).create().injectFault(failing, day),
                    SweepProgress.NONE);
            assertTrue(s.complete(), "a failed run counts as stored");
            assertEquals(runs, s.ranNow());
            assertEquals(1, s.failed());
            Connection c = store.connection();
            String id = sweep.id();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_index, status, failed_day, error, "
                    + "(SELECT count(*) FROM series s WHERE s.sweep_id = r.sweep_id AND s.run_index = r.run_index), "
                    + "(SELECT coalesce(max(day), -1) FROM series s WHERE s.sweep_id = r.sweep_id AND s.run_index = r.run_index), "
                    + "(SELECT count(*) FROM kpis k WHERE k.sweep_id = r.sweep_id AND k.run_index = r.run_index) "
                    + "FROM runs r WHERE sweep_id = ? ORDER BY run_index")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        int run = rs.getInt(1);
                        assertEquals(n++, run);
                        if (run == failing) {
                            assertEquals("failed", rs.getString(2));
                            assertEquals(day, rs.getInt(3));
                            assertTrue(rs.getString(4).contains("fault injected on day " + day), rs.getString(4));
                            assertEquals((long) day * Metric.COUNT, rs.getLong(5), "series only before the failure");
                            assertEquals(day - 1, rs.getInt(6));
                            assertEquals(0, rs.getLong(7), "no KPIs for a failed run");
                        } else {
                            assertEquals("ok", rs.getString(2));
                            rs.getInt(3);
                            assertTrue(rs.wasNull());
                            assertEquals(null, rs.getString(4));
                            assertEquals((long) days * Metric.COUNT, rs.getLong(5));
                            assertEquals(days - 1, rs.getInt(6));
                            assertEquals(Metric.COUNT, rs.getLong(7));
                        }
                    }
                    assertEquals(runs, n);
                }
            }
            // Resuming does not retry the failed run: the same seed fails the same way.
            SweepSummary again = new SweepRunner(store, 2).run(sweep, SweepProgress.NONE);
            assertEquals(runs, again.alreadyPresent());
            assertEquals(0, again.ranNow());
            assertEquals(1, again.failed());
        }
    }
}
