package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolve.store.ExportFolder;

/** {@code resolve export}: Parquet and CSV from a run's store, read back with DuckDB. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void parquetAndCsvHoldEveryStoredRow() throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Cli.run("run", "--replications", "3", "--days", "40", "--out", out.toString()).code);
        Cli p = Cli.run("export", out.toString(), "--format", "parquet");
        assertEquals(0, p.code, p.toString());
        Cli c = Cli.run("export", out.toString(), "--format", "csv", "--to", tmp.resolve("csv").toString());
        assertEquals(0, c.code, c.toString());
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement()) {
            long stored = count(st, "SELECT count(*) FROM read_csv_auto('" + out.resolve("series.csv") + "')");
            assertEquals(3L * 40 * org.resolve.core.engine.Metric.COUNT, stored);
            assertEquals(stored, count(st, "SELECT count(*) FROM read_parquet('" + out.resolve("export-parquet/series.parquet") + "')"));
            assertEquals(stored, count(st, "SELECT count(*) FROM read_csv_auto('" + tmp.resolve("csv/series.csv") + "')"));
            assertEquals(3, count(st, "SELECT count(*) FROM read_parquet('" + out.resolve("export-parquet/runs.parquet") + "')"));
        }
        assertTrue(Files.exists(out.resolve("export-parquet/kpis.parquet")));
    }

    @Test
    void aFolderWithoutAStoreIsAOneLineError() {
        Cli c = Cli.run("export", tmp.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertTrue(c.err.contains("no results store"), c.err);
    }

    @Test
    void aCorruptStoreIsAOneLineErrorAndStaysUntouched() throws Exception {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        byte[] junk = "this is not a database".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(bad.resolve(RunCommand.STORE), junk);
        Cli c = Cli.run("export", bad.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertEquals(1, c.err.strip().lines().count(), c.err);
        assertTrue(java.util.Arrays.equals(junk, Files.readAllBytes(bad.resolve(RunCommand.STORE))), "file untouched");
    }

    @Test
    void anExportIntoAFolderOfOtherFilesIsRefusedAndLeavesThemUnchanged() throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Cli.run("run", "--mode", "aggregate", "--replications", "2", "--days", "10", "--out", out.toString()).code);
        byte[] sweepCsv = Files.readAllBytes(out.resolve("sweep.csv"));
        List<String> before = names(out);
        // The run's own sweep.csv is not an export: exporting over it is refused, naming it.
        Cli c = Cli.run("export", out.toString(), "--format", "csv", "--to", out.toString());
        assertEquals(Main.INVALID_INPUT, c.code, c.toString());
        assertEquals(1, c.err.strip().lines().count(), c.err);
        assertTrue(c.err.contains("--to " + out) && c.err.contains(out.toAbsolutePath().toString())
                && c.err.contains("sweep.csv, which the export would overwrite"), c.err);
        assertArrayEquals(sweepCsv, Files.readAllBytes(out.resolve("sweep.csv")), "sweep.csv unchanged");
        assertEquals(before, names(out), "nothing written or left beside it");

        // An earlier export is replaced by the next; a file the user put into it is never removed.
        assertEquals(0, Cli.run("export", out.toString()).code);
        Cli again = Cli.run("export", out.toString());
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains(ExportFolder.MANIFEST), again.out);
        ExportFolder.verify(out.resolve("export-parquet"));
        Files.writeString(out.resolve("export-parquet/notes.txt"), "mine");
        Cli refused = Cli.run("export", out.toString());
        assertEquals(Main.INVALID_INPUT, refused.code, refused.toString());
        assertTrue(refused.err.contains("notes.txt"), refused.err);
        assertEquals("mine", Files.readString(out.resolve("export-parquet/notes.txt")));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
