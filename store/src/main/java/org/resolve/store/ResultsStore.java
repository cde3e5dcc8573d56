package org.resolve.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * The results store: an embedded DuckDB file holding sweeps, their runs, daily series and KPIs as
 * tidy tables. One process opens a file read-write at a time (DuckDB takes a file lock), and one
 * thread uses a store.
 *
 * <h2>Tables</h2>
 * <pre>
 * sweeps(sweep_id PK, scenario_id, scenario_hash, model_version, created, updated, design, root_seed,
 *        mode, engine, attrition_law, runs, days, plan_digest, intended_use, command_line, resumes, status)
 * runs(sweep_id, run_index, seed, status 'ok'|'failed', failed_day, error, "pool.special_forces", …
 *      one DOUBLE per parameter key …, PK (sweep_id, run_index))
 * series(sweep_id, run_index, day, metric, value)       -- no key; see below
 * kpis(sweep_id, run_index, metric, value)              -- no key; see below
 * store_meta(key PK, value)                             -- schema version, metric type
 * </pre>
 * {@code metric} is a DuckDB ENUM of the metric keys ({@link Metric#key()}): it reads and compares
 * as text, exports as text, and writes about as fast as a small integer (a VARCHAR column was 35%
 * slower to append). A store opened by a model with new metrics or parameters gains them (the enum
 * is rebuilt with the new keys appended, new parameter columns are added).
 *
 * <h2>Idempotence and atomicity</h2>
 * A run is written by {@link RunWriter} inside a batch transaction: its runs row by
 * {@code INSERT OR IGNORE}, its series and KPI rows by DuckDB's appender in the same transaction, and
 * only if the runs table does not hold the run yet (checked in that transaction; only this process
 * can write the file). So a run is stored completely or not at all, and writing it again adds
 * nothing. {@code series} and {@code kpis} carry no primary key: an index over hundreds of millions
 * of series rows doubled the write time and the file size in a measurement, and the runs table
 * already decides which runs exist.
 *
 * <h2>Opening</h2>
 * {@link #open} refuses, with a one-line {@link StoreException} and without writing to it, a file
 * that is not a DuckDB database or that another process holds.
 */
public final class ResultsStore implements AutoCloseable {
    /** The schema this code writes; a store with a higher number is refused. */
    public static final int SCHEMA_VERSION = 1;

    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern PID = Pattern.compile("PID (\\d+)");
    private static final Pattern SAFE_ID = Pattern.compile("[0-9A-Za-z_.-]+");
    /** Files open in this JVM: DuckDB would share one database between two opens in one process. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final String CSV_OPTIONS = "(FORMAT CSV, HEADER, DELIMITER ',')";

    private final Path file;
    private final DuckDBConnection conn;
    private final String metricType;
    private RunWriter writer;
    private boolean closed;

    private ResultsStore(Path file, DuckDBConnection conn, String metricType) {
        this.file = file;
        this.conn = conn;
        this.metricType = metricType;
    }

    /**
     * Opens a store read-write, creating the file and its tables when absent.
     *
     * @param file the DuckDB file (its folder is created if needed)
     * @return the open store
     * @throws StoreException if the file is a folder, is not a DuckDB database, is held by another
     *     process, or cannot be read or written; the file is then left as it was
     */
    public static ResultsStore open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        checkLooksLikeDuckDb(abs);
        if (!OPEN.add(abs)) {
            throw new StoreException(cannotOpen(abs) + "already open in this process; close it first");
        }
        try {
            return connect(abs);
        } catch (RuntimeException e) {
            OPEN.remove(abs);
            throw e;
        }
    }

    private static ResultsStore connect(Path abs) {
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw new StoreException(cannotOpen(abs) + "cannot create its folder (" + e.getMessage() + ")", e);
        }
        DuckDBConnection conn;
        try {
            conn = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + abs, new Properties());
        } catch (SQLException e) {
            throw new StoreException(cannotOpen(abs) + explainOpenError(e.getMessage()), e);
        }
        try {
            String type = Schema.create(conn);
            return new ResultsStore(abs, conn, type);
        } catch (SQLException | RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // the original error says more
            }
            if (e instanceof StoreException se) {
                throw new StoreException(cannotOpen(abs) + se.getMessage(), se);
            }
            throw new StoreException(cannotOpen(abs) + firstLine(e.getMessage()), e);
        }
    }

    private static String cannotOpen(Path file) {
        return "cannot open results store " + file + ": ";
    }

    /** Refuses a non-empty file without DuckDB's magic bytes before DuckDB sees it. */
    private static void checkLooksLikeDuckDb(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(cannotOpen(file) + "it is a folder; give a file name such as results.duckdb");
        }
        if (!Files.exists(file)) {
            return;
        }
        byte[] head = new byte[12];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < head.length) {
                int k = in.read(head, n, head.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
        } catch (IOException e) {
            throw new StoreException(cannotOpen(file) + "cannot read it (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            return; // an empty file: DuckDB makes it a new database
        }
        // A DuckDB file starts with an 8-byte checksum, then "DUCK".
        if (n < head.length || !Arrays.equals(head, 8, 12, MAGIC, 0, 4)) {
            throw new StoreException(cannotOpen(file) + "not a DuckDB database (left untouched); choose another file");
        }
    }

    static String explainOpenError(String msg) {
        String m = msg == null ? "" : msg;
        if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
            Matcher pid = PID.matcher(m);
            return "locked by another process" + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
                    + "; close that process or choose another file";
        }
        if (m.contains("not a valid DuckDB database")) {
            return "not a DuckDB database (left untouched); choose another file";
        }
        if (m.contains("Corrupt database file")) {
            return "corrupt DuckDB database (left untouched; " + firstLine(m.substring(m.indexOf("Corrupt database file")))
                    + "); restore it or choose another file";
        }
        return firstLine(m);
    }

    static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** @return the store's file (absolute) */
    public Path file() {
        return file;
    }

    /**
     * The JDBC connection, for read queries by analyses and reports. Do not write through it, and do
     * not use it while a {@link RunWriter} batch is open.
     *
     * @return the connection
     */
    public Connection connection() {
        checkOpen();
        return conn;
    }

    /**
     * Records a sweep as running: inserts its sweeps row, or, when the sweep is already stored,
     * marks it running again and counts a resume.
     *
     * @param sweep the sweep
     * @return its row as now stored
     * @throws StoreException if the stored row disagrees with the sweep's definition (a digest
     *     collision or a tampered row), or on a database error
     */
    public SweepInfo beginSweep(Sweep sweep) {
        checkOpen();
        Optional<SweepInfo> old = sweep(sweep.id());
        String now = nowUtc();
        try {
            if (old.isEmpty()) {
                Scenario sc = sweep.scenario();
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sweeps (sweep_id, scenario_id, scenario_hash, "
                        + "model_version, created, updated, design, root_seed, mode, engine, attrition_law, runs, days, "
                        + "plan_digest, intended_use, command_line, resumes, status) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
                    int i = 1;
                    ps.setString(i++, sweep.id());
                    ps.setString(i++, sc.id());
                    ps.setString(i++, sc.hash());
                    ps.setString(i++, sweep.modelVersion());
                    ps.setString(i++, now);
                    ps.setString(i++, now);
                    ps.setString(i++, sweep.plan().design());
                    ps.setLong(i++, sweep.plan().rootSeed());
                    ps.setString(i++, sweep.engine().mode().key());
                    ps.setString(i++, sweep.engine().describe());
                    ps.setString(i++, sc.attritionLaw().key());
                    ps.setInt(i++, sweep.plan().size());
                    ps.setInt(i++, sc.days());
                    ps.setString(i++, sweep.planDigest());
                    ps.setString(i++, sc.intendedUse());
                    ps.setString(i++, sweep.commandLine());
                    ps.setString(i, SweepInfo.RUNNING);
                    ps.executeUpdate();
                }
            } else {
                SweepInfo o = old.get();
                if (!o.scenarioHash().equals(sweep.scenario().hash()) || !o.modelVersion().equals(sweep.modelVersion())
                        || o.rootSeed() != sweep.plan().rootSeed() || o.runs() != sweep.plan().size()
                        || !o.engine().equals(sweep.engine().describe()) || !o.planDigest().equals(sweep.planDigest())) {
                    throw new StoreException("results store " + file + " holds a different sweep under id " + sweep.id()
                            + "; use another file");
                }
                try (PreparedStatement ps = conn.prepareStatement("UPDATE sweeps SET status = ?, "
                        + "updated = CAST(? AS TIMESTAMP), resumes = resumes + 1 WHERE sweep_id = ?")) {
                    ps.setString(1, SweepInfo.RUNNING);
                    ps.setString(2, now);
                    ps.setString(3, sweep.id());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("cannot record sweep " + sweep.id(), e);
        }
        return sweep(sweep.id()).orElseThrow();
    }

    /**
     * @param sweepId a sweep id
     * @param status one of the {@link SweepInfo} status constants
     * @throws StoreException on a database error
     */
    public void setStatus(String sweepId, String status) {
        checkOpen();
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE sweeps SET status = ?, updated = CAST(? AS TIMESTAMP) WHERE sweep_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, nowUtc());
            ps.setString(3, sweepId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot update sweep " + sweepId, e);
        }
    }

    /**
     * @param sweepId a sweep id
     * @return its sweeps row, if stored
     */
    public Optional<SweepInfo> sweep(String sweepId) {
        List<SweepInfo> l = sweeps("WHERE sweep_id = ?", sweepId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** @return every stored sweep, oldest first */
    public List<SweepInfo> sweeps() {
        return sweeps("ORDER BY created, sweep_id", null);
    }

    private List<SweepInfo> sweeps(String tail, String arg) {
        checkOpen();
        List<SweepInfo> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT sweep_id, scenario_id, scenario_hash, model_version, "
                + "CAST(created AS VARCHAR), CAST(updated AS VARCHAR), design, root_seed, mode, engine, attrition_law, "
                + "runs, days, plan_digest, intended_use, command_line, resumes, status FROM sweeps " + tail)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SweepInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            timestamp(rs.getString(5)), timestamp(rs.getString(6)), rs.getString(7), rs.getLong(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getInt(13),
                            rs.getString(14), rs.getString(15), rs.getString(16), rs.getInt(17), rs.getString(18)));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read sweeps", e);
        }
        return out;
    }

    private static LocalDateTime timestamp(String s) {
        return s == null ? null : LocalDateTime.parse(s.replace(' ', 'T'));
    }

    private static String nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC).toString();
    }

    /**
     * @param sweepId a sweep id
     * @return the run indices stored for it (ok or failed)
     * @throws StoreException on a database error
     */
    public BitSet storedRuns(String sweepId) {
        checkOpen();
        BitSet out = new BitSet();
        try (PreparedStatement ps = conn.prepareStatement("SELECT run_index FROM runs WHERE sweep_id = ?")) {
            ps.setString(1, sweepId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.set(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the runs of sweep " + sweepId, e);
        }
        return out;
    }

    /**
     * A sweep's stored KPIs as one column per metric, indexed by run index; runs without a value
     * (failed, or not stored) hold NaN.
     *
     * @param sweepId the sweep
     * @param metrics the metric keys wanted
     * @param runs the plan's size
     * @return metric key -> values by run index, in the order of {@code metrics}
     * @throws StoreException if the store cannot be read
     */
    public java.util.Map<String, double[]> kpiColumns(String sweepId, java.util.Collection<String> metrics, int runs) {
        checkOpen();
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (String m : metrics) {
            double[] v = new double[runs];
            java.util.Arrays.fill(v, Double.NaN);
            out.put(m, v);
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT run_index, metric::VARCHAR, value FROM kpis WHERE sweep_id = ?")) {
            ps.setString(1, sweepId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] v = out.get(rs.getString(2));
                    int run = rs.getInt(1);
                    if (v != null && run >= 0 && run < runs) {
                        v[run] = rs.getDouble(3);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the KPIs of sweep " + sweepId, e);
        }
        return out;
    }

    /**
     * Keeps a CSV file the commands wrote (a posterior, a fit, a backtest) as a table of this
     * store, replacing an older one of that name, for reports.
     *
     * @param table the table's name
     * @param csv the file, with a header row
     * @param constants extra leading columns as SQL select items (e.g. {@code DATE '2024-12-20' AS cutoff}), or empty
     * @throws StoreException if the file cannot be read into the store
     */
    public void putTable(String table, Path csv, String constants) {
        checkOpen();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + identifier(table) + " AS SELECT " + (constants.isEmpty() ? "" : constants + ", ")
                    + "* FROM read_csv_auto(" + literal(csv.toAbsolutePath().toString()) + ", header = true)");
        } catch (SQLException e) {
            throw failure("cannot keep " + csv.getFileName() + " as table " + table, e);
        }
    }

    /**
     * @param sweepId a sweep id
     * @return its row counts
     * @throws StoreException on a database error
     */
    public RowCounts counts(String sweepId) {
        checkOpen();
        try (PreparedStatement ps = conn.prepareStatement("SELECT "
                + "(SELECT count(*) FROM runs WHERE sweep_id = $1), "
                + "(SELECT count(*) FROM runs WHERE sweep_id = $1 AND status = 'failed'), "
                + "(SELECT count(*) FROM series WHERE sweep_id = $1), "
                + "(SELECT count(*) FROM kpis WHERE sweep_id = $1)")) {
            ps.setString(1, sweepId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RowCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw failure("cannot count the rows of sweep " + sweepId, e);
        }
    }

    /**
     * A writer for one sweep's runs. Only one writer is open at a time.
     *
     * @param sweepId the sweep, already recorded by {@link #beginSweep}
     * @param policy when to commit a batch
     * @param listener told after each commit (may be null)
     * @return the writer; close it to commit its last batch
     * @throws IllegalStateException if a writer is already open
     */
    public RunWriter writer(String sweepId, BatchPolicy policy, RunWriter.CommitListener listener) {
        checkOpen();
        if (writer != null) {
            throw new IllegalStateException("a writer is already open on " + file);
        }
        writer = new RunWriter(this, conn, sweepId, policy, listener);
        return writer;
    }

    void writerClosed(RunWriter w) {
        if (writer == w) {
            writer = null;
        }
    }

    /** @return the name of the ENUM type of the metric columns */
    String metricType() {
        return metricType;
    }

    /**
     * Exports a sweep's tables as CSV with a header into a folder of their own: sweep.csv, runs.csv
     * (by run index), series.csv (by run index, metric, day), kpis.csv (by run index, metric) and
     * the {@linkplain ExportFolder#MANIFEST manifest}. The folder appears complete or not at all,
     * and replaces only a previous export (see {@link ExportFolder}).
     *
     * @param dir the export folder (its parent is created if needed)
     * @param sweepId the sweep
     * @return rows written per file, in that order
     * @throws StoreException if the sweep is unknown, {@code dir} holds files that are not a
     *     previous export, or a file cannot be written (the folder is then as it was)
     */
    public Map<Path, Long> exportCsv(Path dir, String sweepId) {
        return exportFolder(dir, sweepId, "csv", CSV_OPTIONS);
    }

    /**
     * Exports a sweep's tables as Parquet (ZSTD) into a folder of their own: sweep.parquet,
     * runs.parquet, series.parquet and kpis.parquet, sorted as in {@link #exportCsv}, and the
     * {@linkplain ExportFolder#MANIFEST manifest}. The folder appears complete or not at all, and
     * replaces only a previous export (see {@link ExportFolder}).
     *
     * @param dir the export folder (its parent is created if needed)
     * @param sweepId the sweep
     * @return rows written per file, in that order
     * @throws StoreException if the sweep is unknown, {@code dir} holds files that are not a
     *     previous export, or a file cannot be written (the folder is then as it was)
     */
    public Map<Path, Long> exportParquet(Path dir, String sweepId) {
        return exportFolder(dir, sweepId, "parquet", "(FORMAT PARQUET, COMPRESSION ZSTD)");
    }

    /**
     * Writes a sweep's tables as CSV files (as {@link #exportCsv} names and sorts them) into a
     * folder that holds other files too, as a run's output folder does: each file goes into a new
     * temporary file in that folder and is renamed over its name only when complete, so a reader
     * sees the old file or the whole new one.
     *
     * @param dir the folder (created if needed)
     * @param sweepId the sweep
     * @return rows written per file, in that order
     * @throws StoreException if the sweep is unknown or a file cannot be written
     */
    Map<Path, Long> writeCsvTables(Path dir, String sweepId) {
        checkExportable(sweepId);
        Path d = dir.toAbsolutePath();
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new StoreException("cannot write to " + d + ": " + e.getMessage(), e);
        }
        Map<Path, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : exportQueries(sweepId).entrySet()) {
            Path target = d.resolve(q.getKey() + ".csv");
            Path tmp = null;
            try {
                tmp = Files.createTempFile(d, "." + target.getFileName() + ".", ".partial");
                out.put(target, copy(q.getValue(), tmp, CSV_OPTIONS, target));
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StoreException("cannot write " + target + ": " + e.getMessage(), e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
        return out;
    }

    /**
     * Checks, before a store is opened, that an export may go to a folder: it is absent, empty or
     * an earlier export (see {@link ExportFolder}); the export itself checks again.
     *
     * @param dir the export folder
     * @param ext the format, {@code parquet} or {@code csv}
     * @throws StoreException naming the folder and a file the export would overwrite or remove
     */
    public static void checkExportFolder(Path dir, String ext) {
        ExportFolder.checkReplaceable(dir, exportFiles(ext));
    }

    private static List<String> exportFiles(String ext) {
        return exportQueries("").keySet().stream().map(t -> t + "." + ext).toList();
    }

    private Map<Path, Long> exportFolder(Path dir, String sweepId, String ext, String options) {
        checkExportable(sweepId);
        Map<String, String> queries = exportQueries(sweepId);
        return ExportFolder.write(dir, sweepId, ext, exportFiles(ext), tmp -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                String name = q.getKey() + "." + ext;
                rows.put(name, copy(q.getValue(), tmp.resolve(name), options, dir.toAbsolutePath().normalize().resolve(name)));
            }
            return rows;
        });
    }

    private void checkExportable(String sweepId) {
        checkOpen();
        if (writer != null && writer.inBatch()) {
            throw new IllegalStateException("commit or close the open writer before exporting");
        }
        if (!SAFE_ID.matcher(sweepId).matches() || sweep(sweepId).isEmpty()) {
            throw new StoreException("results store " + file + " holds no sweep '" + sweepId + "'");
        }
    }

    private static Map<String, String> exportQueries(String sweepId) {
        String where = " WHERE sweep_id = '" + sweepId + "'"; // checked against SAFE_ID by checkExportable
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("sweep", "SELECT * FROM sweeps" + where);
        queries.put("runs", "SELECT * FROM runs" + where + " ORDER BY run_index");
        queries.put("series", "SELECT * FROM series" + where + " ORDER BY run_index, metric, day");
        queries.put("kpis", "SELECT * FROM kpis" + where + " ORDER BY run_index, metric");
        return queries;
    }

    /** Runs one COPY into {@code file}; {@code named} is the file the user will see, for the error message. */
    private long copy(String query, Path file, String options, Path named) {
        try (Statement st = conn.createStatement()) {
            return st.executeLargeUpdate("COPY (" + query + ") TO " + literal(file.toAbsolutePath().toString()) + " " + options);
        } catch (SQLException e) {
            throw failure("cannot export " + named, e);
        }
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String identifier(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    StoreException failure(String what, Exception e) {
        return new StoreException(what + " in results store " + file + ": " + firstLine(e.getMessage()), e);
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("results store " + file + " is closed");
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Commits the open writer's batch (or rolls it back if a run was half written), then closes the
     * file; DuckDB checkpoints its write-ahead log into the file. Calling it again does nothing.
     *
     * @throws StoreException if the commit or the close fails (the file stays resumable: DuckDB
     *     replays or discards its log on the next open)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        StoreException first = null;
        if (writer != null) {
            try {
                writer.close();
            } catch (StoreException e) {
                first = e;
            }
        }
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            if (first == null) {
                first = failure("cannot close", e);
            }
        } finally {
            OPEN.remove(file);
        }
        if (first != null) {
            throw first;
        }
    }

    /** Creates and upgrades the schema. */
    static final class Schema {
        private Schema() {
        }

        /** @return the name of the metric ENUM type */
        static String create(DuckDBConnection conn) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute("BEGIN TRANSACTION");
                try {
                    String type = createInTransaction(conn);
                    st.execute("COMMIT");
                    return type;
                } catch (SQLException | RuntimeException e) {
                    try (Statement rb = conn.createStatement()) {
                        rb.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the original error says more
                    }
                    throw e;
                }
            }
        }

        private static String createInTransaction(DuckDBConnection conn) throws SQLException {
            exec(conn, "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            String version = meta(conn, "schema_version");
            if (version != null && Integer.parseInt(version) > SCHEMA_VERSION) {
                throw new StoreException("it was written by a newer Resolve (store schema " + version
                        + ", this version reads " + SCHEMA_VERSION + ")");
            }
            if (version == null) {
                putMeta(conn, "schema_version", Integer.toString(SCHEMA_VERSION));
            }
            String type = metricType(conn);
            exec(conn, "CREATE TABLE IF NOT EXISTS sweeps ("
                    + "sweep_id VARCHAR PRIMARY KEY, scenario_id VARCHAR NOT NULL, scenario_hash VARCHAR NOT NULL, "
                    + "model_version VARCHAR NOT NULL, created TIMESTAMP NOT NULL, updated TIMESTAMP NOT NULL, "
                    + "design VARCHAR NOT NULL, root_seed BIGINT NOT NULL, mode VARCHAR NOT NULL, engine VARCHAR NOT NULL, "
                    + "attrition_law VARCHAR NOT NULL, runs INTEGER NOT NULL, days INTEGER NOT NULL, "
                    + "plan_digest VARCHAR NOT NULL, intended_use VARCHAR, command_line VARCHAR, "
                    + "resumes INTEGER NOT NULL, status VARCHAR NOT NULL)");
            StringBuilder runs = new StringBuilder("CREATE TABLE IF NOT EXISTS runs (sweep_id VARCHAR NOT NULL, "
                    + "run_index INTEGER NOT NULL, seed BIGINT NOT NULL, "
                    + "status VARCHAR NOT NULL CHECK (status IN ('ok', 'failed')), failed_day INTEGER, error VARCHAR");
            for (Param p : Param.values()) {
                runs.append(", ").append(identifier(p.key())).append(" DOUBLE");
            }
            exec(conn, runs.append(", PRIMARY KEY (sweep_id, run_index))").toString());
            Set<String> have = columns(conn, "runs");
            for (Param p : Param.values()) {
                if (!have.contains(p.key())) {
                    exec(conn, "ALTER TABLE runs ADD COLUMN " + identifier(p.key()) + " DOUBLE");
                }
            }
            exec(conn, "CREATE TABLE IF NOT EXISTS series (sweep_id VARCHAR NOT NULL, run_index INTEGER NOT NULL, "
                    + "day INTEGER NOT NULL, metric " + identifier(type) + " NOT NULL, value DOUBLE)");
            exec(conn, "CREATE TABLE IF NOT EXISTS kpis (sweep_id VARCHAR NOT NULL, run_index INTEGER NOT NULL, "
                    + "metric " + identifier(type) + " NOT NULL, value DOUBLE)");
            return type;
        }

        /**
         * The metric ENUM: created with every metric key; when the model has metrics the stored
         * type lacks, a new type with them appended replaces it in series and kpis.
         */
        private static String metricType(DuckDBConnection conn) throws SQLException {
            String type = meta(conn, "metric_type");
            List<String> keys = new ArrayList<>();
            for (Metric m : Metric.values()) {
                keys.add(m.key());
            }
            if (type == null) {
                type = "metric_key";
                exec(conn, "CREATE TYPE " + identifier(type) + " AS ENUM (" + enumLabels(keys) + ")");
                putMeta(conn, "metric_type", type);
                return type;
            }
            List<String> labels = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT unnest(enum_range(NULL::" + identifier(type) + "))::VARCHAR")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.add(rs.getString(1));
                    }
                }
            }
            Set<String> all = new LinkedHashSet<>(labels);
            all.addAll(keys);
            if (all.size() == labels.size()) {
                return type;
            }
            String next = nextTypeName(type);
            exec(conn, "CREATE TYPE " + identifier(next) + " AS ENUM (" + enumLabels(new ArrayList<>(all)) + ")");
            for (String table : List.of("series", "kpis")) {
                exec(conn, "ALTER TABLE " + table + " ALTER metric SET DATA TYPE " + identifier(next)
                        + " USING CAST(CAST(metric AS VARCHAR) AS " + identifier(next) + ")");
            }
            exec(conn, "DROP TYPE " + identifier(type));
            putMeta(conn, "metric_type", next);
            return next;
        }

        static String nextTypeName(String type) {
            int us = type.lastIndexOf('_');
            String tail = type.substring(us + 1);
            if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit)) {
                return type.substring(0, us) + "_" + (Integer.parseInt(tail) + 1);
            }
            return type + "_2";
        }

        private static String enumLabels(List<String> labels) {
            StringBuilder sb = new StringBuilder();
            for (String l : labels) {
                sb.append(sb.length() == 0 ? "" : ", ").append(literal(l));
            }
            return sb.toString();
        }

        private static Set<String> columns(DuckDBConnection conn, String table) throws SQLException {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main' "
                            + "AND database_name = current_database()")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }

        private static String meta(DuckDBConnection conn, String key) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        private static void putMeta(DuckDBConnection conn, String key, String value) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO store_meta VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        }

        private static void exec(DuckDBConnection conn, String sql) throws SQLException {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
        }
    }

    @Override
    public String toString() {
        return "results store " + file + (closed ? " (closed)" : "");
    }
}
