package org.resolve.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;

/**
 * Streams one sweep's runs into the store in batch transactions. Each {@link #write} adds one run
 * to the open batch at once (nothing is buffered in the Java heap beyond the appender's current
 * chunk of 2,048 rows); the batch commits when its {@link BatchPolicy} says so, on {@link #commit}
 * and on {@link #close}.
 *
 * <p>Within the batch transaction a run is written only if the runs table does not hold it yet
 * (read in a batch's transaction when the writer starts or after a rollback, then kept up to date
 * with what this writer commits; only this connection writes the file). Its series (the days it
 * recorded: all days, or the days before its failure) and, for a completed run, its KPIs (the last
 * day's values) go straight into their tables through DuckDB's appender, which writes in the
 * connection's transaction; its runs row goes through the appender into a temporary staging table.
 * At commit, in the same transaction, the writer checks that no staged run is in the runs table
 * (else it rolls back: a run's rows must never be stored twice), then
 * {@code INSERT OR IGNORE INTO runs SELECT * FROM stage_runs}, then commits. So a run is stored
 * completely or not at all, and a run written twice is stored once. If writing a run fails half
 * way, the whole batch is rolled back (its runs are written again on resume).
 *
 * <p>Why not one {@code INSERT} per runs row: a prepared INSERT OR IGNORE of the 100-column runs
 * row took about 10 ms, more than appending the run's 2,800 series rows of a 60-day run.
 *
 * <p>Not thread-safe: call it from one thread (the executor's sink runs on the calling thread).
 */
public final class RunWriter implements AutoCloseable {
    /** Told after each commit, on the writing thread. */
    @FunctionalInterface
    public interface CommitListener {
        /**
         * @param runs runs the batch stored
         * @param rows series and KPI rows the batch stored
         */
        void committed(int runs, long rows);
    }

    /** The columns of the runs table before the parameter columns. */
    private static final List<String> FIXED_RUN_COLUMNS =
            List.of("sweep_id", "run_index", "seed", "status", "failed_day", "error");
    private static final String[] METRIC_KEYS = new String[Metric.COUNT];

    static {
        for (Metric m : Metric.values()) {
            METRIC_KEYS[m.ordinal()] = m.key();
        }
    }

    private final ResultsStore store;
    private final DuckDBConnection conn;
    private final String sweepId;
    private final BatchPolicy policy;
    private final CommitListener listener;
    /** Parameter ordinal of each parameter column of the runs table, in table order (-1: not a parameter any more). */
    private final int[] paramColumns;
    private BitSet stored;
    private final BitSet batch = new BitSet();
    private DuckDBAppender series;
    private DuckDBAppender kpis;
    private DuckDBAppender stageRuns;
    private boolean inBatch;
    private boolean closed;
    private int batchRuns;
    private long batchRows;
    private long batchStart;
    private long runsStored;
    private long rowsStored;
    private long runsSkipped;

    private final int sweepDays;

    RunWriter(ResultsStore store, DuckDBConnection conn, String sweepId, BatchPolicy policy, CommitListener listener) {
        this.sweepDays = store.sweep(sweepId).map(SweepInfo::days).orElse(0);
        this.store = store;
        this.conn = conn;
        this.sweepId = sweepId;
        this.policy = policy;
        this.listener = listener == null ? (runs, rows) -> { } : listener;
        try {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT column_name FROM duckdb_columns() "
                    + "WHERE table_name = 'runs' AND schema_name = 'main' AND database_name = current_database() "
                    + "ORDER BY column_index")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
            }
            if (!cols.subList(0, FIXED_RUN_COLUMNS.size()).equals(FIXED_RUN_COLUMNS)) {
                throw new StoreException("results store " + store.file() + " has an unexpected runs table: " + cols);
            }
            paramColumns = new int[cols.size() - FIXED_RUN_COLUMNS.size()];
            for (int i = 0; i < paramColumns.length; i++) {
                Param p = Param.byKey(cols.get(FIXED_RUN_COLUMNS.size() + i));
                paramColumns[i] = p == null ? -1 : p.ordinal();
            }
            exec("CREATE OR REPLACE TEMP TABLE stage_runs AS SELECT * FROM runs LIMIT 0");
        } catch (SQLException e) {
            throw store.failure("cannot prepare to write sweep " + sweepId, e);
        }
    }

    /**
     * Adds a run to the open batch (opening one if needed), then commits the batch if it is due.
     *
     * @param r a run's result
     * @return true if the run was added, false if the store already holds it
     * @throws StoreException on a database error; the open batch is then rolled back
     */
    public boolean write(RunResult r) {
        if (closed) {
            throw new IllegalStateException("writer for sweep " + sweepId + " is closed");
        }
        boolean added;
        try {
            if (!inBatch) {
                begin();
            }
            added = append(r);
        } catch (SQLException e) {
            abort();
            throw store.failure("cannot write run " + r.runIndex() + " of sweep " + sweepId, e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
        if (!added) {
            runsSkipped++;
        }
        if (policy.due(batchRuns, batchRows, System.nanoTime() - batchStart)) {
            commit();
        }
        return added;
    }

    private void begin() throws SQLException {
        exec("BEGIN TRANSACTION");
        inBatch = true;
        batchRuns = 0;
        batchRows = 0;
        batchStart = System.nanoTime();
        batch.clear();
        if (stored == null) {
            stored = new BitSet();
            try (PreparedStatement ps = conn.prepareStatement("SELECT run_index FROM runs WHERE sweep_id = ?")) {
                ps.setString(1, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.set(rs.getInt(1));
                    }
                }
            }
        }
        // Appenders write in the connection's transaction; they are made per batch so that none
        // outlives it (closing an appender flushes it, which outside a transaction would commit).
        series = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "series");
        kpis = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "kpis");
        stageRuns = conn.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, "stage_runs");
    }

    private boolean append(RunResult r) throws SQLException {
        int run = r.runIndex();
        if (run < 0) {
            throw new IllegalArgumentException("run index must be >= 0: " + run);
        }
        if (stored.get(run) || batch.get(run)) {
            return false;
        }
        double[] params = r.parameters();
        if (params.length != Param.values().length) {
            throw new IllegalArgumentException("run " + run + " has " + params.length + " parameter values, expected "
                    + Param.values().length);
        }
        double[][] s = r.series();
        // An engine that keeps KPIs only (for sensitivity and comparison) returns one value per
        // metric: its KPIs are stored, its series are not.
        boolean kpisOnly = s[0].length == 1 && sweepDays > 1;
        int days = kpisOnly ? 0 : r.daysRecorded();
        long rows = 0;
        for (int m = 0; m < Metric.COUNT; m++) {
            String key = METRIC_KEYS[m];
            double[] values = s[m];
            for (int t = 0; t < days; t++) {
                series.beginRow().append(sweepId).append(run).append(t).append(key).append(values[t]).endRow();
            }
            rows += days;
        }
        if (r.ok()) {
            for (int m = 0; m < Metric.COUNT; m++) {
                double[] values = s[m];
                kpis.beginRow().append(sweepId).append(run).append(METRIC_KEYS[m]).append(values[values.length - 1]).endRow();
            }
            rows += Metric.COUNT;
        }
        stageRuns.beginRow().append(sweepId).append(run).append(r.seed()).append(r.ok() ? "ok" : "failed");
        if (r.ok()) {
            stageRuns.appendNull().appendNull();
        } else {
            stageRuns.append(r.failedDay()).append(r.error() == null ? "" : r.error());
        }
        for (int p : paramColumns) {
            if (p < 0) {
                stageRuns.appendNull();
            } else {
                stageRuns.append(params[p]);
            }
        }
        stageRuns.endRow();
        batch.set(run);
        batchRuns++;
        batchRows += rows;
        return true;
    }

    /**
     * Commits the open batch, if any.
     *
     * @return the number of runs it stored
     * @throws StoreException on a database error; the batch is then rolled back
     */
    public int commit() {
        if (!inBatch) {
            return 0;
        }
        try {
            series.flush();
            kpis.flush();
            stageRuns.flush();
            closeAppenders();
            long overlap;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM stage_runs s JOIN runs r USING (sweep_id, run_index)")) {
                rs.next();
                overlap = rs.getLong(1);
            }
            if (overlap > 0) {
                abort();
                throw new StoreException("cannot commit a batch of sweep " + sweepId + " in results store " + store.file()
                        + ": " + overlap + " of its runs were stored meanwhile by another writer; the batch was rolled back");
            }
            exec("INSERT OR IGNORE INTO runs SELECT * FROM stage_runs");
            exec("DELETE FROM stage_runs");
            exec("COMMIT");
        } catch (SQLException e) {
            abort();
            throw store.failure("cannot commit a batch of sweep " + sweepId, e);
        }
        stored.or(batch);
        batch.clear();
        inBatch = false;
        int runs = batchRuns;
        long rows = batchRows;
        runsStored += runs;
        rowsStored += rows;
        batchRuns = 0;
        batchRows = 0;
        listener.committed(runs, rows);
        return runs;
    }

    /** Discards the open batch, if any. Never throws: a failed rollback leaves the batch uncommitted. */
    public void rollback() {
        if (inBatch) {
            abort();
        }
    }

    /** Closes the appenders inside the transaction, then rolls it back; forgets the statements. */
    private void abort() {
        try {
            closeAppenders(); // their last flush goes into the transaction being discarded
        } catch (SQLException | RuntimeException ignored) {
            // the transaction is discarded anyway
        }
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction (it failed to begin), or the connection is gone: nothing is committed
        }
        inBatch = false;
        batchRuns = 0;
        batchRows = 0;
        batch.clear();
        stored = null; // read the runs table again in the next batch
    }

    private void closeAppenders() throws SQLException {
        DuckDBAppender[] all = {series, kpis, stageRuns};
        series = null;
        kpis = null;
        stageRuns = null;
        SQLException first = null;
        for (DuckDBAppender a : all) {
            try {
                if (a != null) {
                    a.close();
                }
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** @return whether a batch is open */
    public boolean inBatch() {
        return inBatch;
    }

    /** @return runs committed by this writer */
    public long runsStored() {
        return runsStored;
    }

    /** @return series and KPI rows committed by this writer */
    public long rowsStored() {
        return rowsStored;
    }

    /** @return runs passed to {@link #write} that the store already held */
    public long runsSkipped() {
        return runsSkipped;
    }

    /**
     * Commits the open batch (every run in it is complete: a run that failed half way has already
     * rolled its batch back).
     *
     * @throws StoreException if the commit fails (the batch is then rolled back)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            commit();
        } finally {
            closed = true;
            store.writerClosed(this);
        }
    }
}
