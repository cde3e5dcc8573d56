package org.resolve.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.core.engine.Metric;

/** CSV and Parquet exports hold every row of the sweep, and read back. */
class ExportTest {
    private static final int RUNS = 25;
    private static final int DAYS = 40;

    @TempDir
    Path dir;

    @Test
    void csvAndParquetRoundTripTheRowCounts() throws Exception {
        Sweep sweep = StoreTesting.aggregateSweep(RUNS, DAYS);
        Sweep other = StoreTesting.aggregateSweep(3, DAYS + 1); // must not leak into the export
        try (ResultsStore store = ResultsStore.open(dir.resolve("s.duckdb"))) {
            new SweepRunner(store, 2).run(sweep, sweep.engine().create().injectFault(7, 11), SweepProgress.NONE);
            new SweepRunner(store, 2).run(other, SweepProgress.NONE);
            RowCounts n = store.counts(sweep.id());
            assertEquals(new RowCounts(RUNS, 1, (RUNS - 1L) * DAYS * Metric.COUNT + 11L * Metric.COUNT,
                    (RUNS - 1L) * Metric.COUNT), n);
            Map<String, Long> expected = Map.of("sweep", 1L, "runs", n.runs(), "series", n.seriesRows(), "kpis", n.kpiRows());
            Connection c = store.connection();
            String sumSql = "SELECT sum(value) FROM series WHERE sweep_id = '" + sweep.id() + "'";
            double seriesSum = sum(c, sumSql);

            Map<Path, Long> csv = store.exportCsv(dir.resolve("csv"), sweep.id());
            Map<Path, Long> parquet = store.exportParquet(dir.resolve("parquet"), sweep.id());
            for (String table : List.of("sweep", "runs", "series", "kpis")) {
                Path cf = dir.resolve("csv").resolve(table + ".csv").toAbsolutePath();
                Path pf = dir.resolve("parquet").resolve(table + ".parquet").toAbsolutePath();
                assertTrue(Files.size(cf) > 0 && Files.size(pf) > 0);
                assertEquals(expected.get(table), csv.get(cf), table);
                assertEquals(expected.get(table), parquet.get(pf), table);
                assertEquals(expected.get(table), StoreTesting.scalar(c, "SELECT count(*) FROM read_csv('" + cf + "', header = true)"), table);
                assertEquals(expected.get(table), StoreTesting.scalar(c, "SELECT count(*) FROM read_parquet('" + pf + "')"), table);
            }
            // Values and keys survive: same sum, metric names as text, parameter columns by key.
            Path series = dir.resolve("parquet").resolve("series.parquet").toAbsolutePath();
            assertEquals(seriesSum, sum(c, "SELECT sum(value) FROM read_parquet('" + series + "')"), Math.abs(seriesSum) * 1e-12);
            assertEquals(1, StoreTesting.scalar(c, "SELECT count(*) FROM read_parquet('"
                    + dir.resolve("parquet").resolve("runs.parquet").toAbsolutePath() + "') WHERE status = 'failed' AND failed_day = 11"));
            assertEquals(RUNS, StoreTesting.scalar(c, "SELECT count(*) FROM read_csv('" + dir.resolve("csv").resolve("kpis.csv").toAbsolutePath()
                    + "', header = true) WHERE metric = 'killed'") + 1);
            assertEquals(RUNS, StoreTesting.scalar(c, "SELECT count(\"desertion.rate\") FROM read_csv('"
                    + dir.resolve("csv").resolve("runs.csv").toAbsolutePath() + "', header = true)"));

            assertThrows(StoreException.class, () -> store.exportCsv(dir.resolve("x"), "nope"));
            assertThrows(StoreException.class, () -> store.exportCsv(dir.resolve("x"), "x' OR '1'='1"));
        }
    }

    private static double sum(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
