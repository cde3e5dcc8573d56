package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve backtest}: calibrate by a cut-off, score the later reports, with baselines. */
class BacktestCommandTest {
    private static final String LEDGER = "../core/src/test/resources/observations/observations-to-2025-01-13.csv";

    @TempDir
    Path tmp;

    @Test
    void scoresEveryLaterReportWithTheDocumentedColumns() throws Exception {
        Path out = tmp.resolve("bt");
        Cli c = Cli.run("backtest", "kursk-2024", "--observations", LEDGER, "--cutoff", "2024-12-20", "--particles", "80",
                "--draws", "100", "--out", out.toString());
        assertEquals(0, c.code, c.toString());
        List<String> rows = Files.readAllLines(out.resolve("backtest.csv"));
        assertEquals("id,date,claimant,quantity,kind,low,high,q05,q25,q50,q75,q95,in50,in90,interval_score,crps,"
                + "linear_q05,linear_q50,linear_q95,linear_interval_score,none_q05,none_q50,none_q95,none_interval_score", rows.get(0));
        assertEquals(10, rows.size(), "the nine reports dated after 2024-12-20");
        for (String r : rows.subList(1, rows.size())) {
            assertTrue(r.split(",")[1].compareTo("2024-12-20") > 0, r);
            String[] f = r.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            double q05 = Double.parseDouble(f[7]);
            double q50 = Double.parseDouble(f[9]);
            double q95 = Double.parseDouble(f[11]);
            assertTrue(q05 <= q50 && q50 <= q95, "quantiles in order: " + r);
            assertTrue(Double.parseDouble(f[15]) >= 0, "CRPS is not negative: " + r);
        }
        assertTrue(c.out.contains("mean CRPS"), c.out);
        assertTrue(Files.exists(out.resolve(RunCommand.STORE)));
        try (java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve(RunCommand.STORE).toAbsolutePath());
             java.sql.ResultSet rs = conn.createStatement().executeQuery(
                     "SELECT count(*), min(cutoff)::VARCHAR, sum(CASE WHEN in90 THEN 1 ELSE 0 END) FROM backtest")) {
            rs.next();
            assertEquals(9, rs.getInt(1), "the backtest is kept in the store");
            assertEquals("2024-12-20", rs.getString(2));
        }
    }

    @Test
    void aCutoffWithNothingAfterItIsAOneLineError() {
        Cli c = Cli.run("backtest", "kursk-2024", "--observations", LEDGER, "--cutoff", "2025-06-01");
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("no report"), c.err);
        assertFalse(c.err.contains("\tat "), c.err);
    }
}
