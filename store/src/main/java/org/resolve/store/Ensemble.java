package org.resolve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.LocalExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Scenario;

/**
 * One ensemble of a scenario into an output folder, as {@code resolve run} does it: the run plan
 * of the chosen design, the sweep, the runs streamed into {@code results.duckdb}, the tables
 * exported beside it as CSV, the KPI summary read back from the store and {@code meta.json}. The
 * command (with its progress bar and {@code --resume}) and the web UI call the same steps, so a
 * run started from either writes the same files.
 */
public final class Ensemble {
    /** The results store's file name in an output folder. */
    public static final String STORE = "results.duckdb";
    /** Files whose presence means a folder already holds the results of a run. */
    public static final List<String> RESULT_FILES = List.of(STORE, "runs.csv", "series.csv", "kpis.csv", "meta.json");

    /** Designs for the replications' parameter values. */
    public enum Design { MONTE_CARLO, LHS, SOBOL }

    /**
     * What an ensemble is run with besides its scenario.
     *
     * @param mode the engine
     * @param bins aggregate mode: loyalty bins per wave
     * @param design how replications sample the uncertain parameters
     * @param replications replications, >= 1
     * @param seed root seed
     * @param threads worker threads, >= 1 (results do not depend on it)
     * @param overrides the fixed parameters as given ({@code name=value}), for the record
     * @param commandLine how the run was started, for the record
     */
    public record Settings(Mode mode, int bins, Design design, int replications, long seed, int threads,
                           List<String> overrides, String commandLine) {
        /** @throws IllegalArgumentException if replications or threads are below 1 */
        public Settings {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(design, "design");
            if (replications < 1) {
                throw new IllegalArgumentException("replications must be >= 1: " + replications);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
            overrides = List.copyOf(overrides);
        }

        /** @return the engine settings */
        public EngineSpec engine() {
            return mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(bins);
        }
    }

    /**
     * A finished ensemble.
     *
     * @param dir the output folder
     * @param sweep the sweep
     * @param summary the KPIs at the horizon and the failed runs
     * @param seconds wall time of the sweep, the export and the summary
     */
    public record Outcome(Path dir, Sweep sweep, KpiSummary summary, double seconds) {
    }

    private Ensemble() {
    }

    /**
     * @param sc the scenario (with its horizon)
     * @param design the design
     * @param seed the root seed
     * @param replications the runs
     * @return the run plan
     */
    public static RunPlan plan(Scenario sc, Design design, long seed, int replications) {
        return switch (design) {
            case MONTE_CARLO -> RunPlan.monteCarlo(sc, seed, replications);
            case LHS -> RunPlan.latinHypercube(sc, seed, replications);
            case SOBOL -> RunPlan.sobol(sc, seed, replications);
        };
    }

    /**
     * @param sc the scenario
     * @param settings the settings
     * @return the sweep of the settings' design and engine
     */
    public static Sweep sweep(Scenario sc, Settings settings) {
        return Sweep.of(sc, plan(sc, settings.design(), settings.seed(), settings.replications()), settings.engine(),
                settings.commandLine());
    }

    /**
     * The steps after a complete sweep, with the store still open: the tables exported as CSV into
     * the folder, and the KPI summary read back from the store.
     *
     * @param store the open store
     * @param dir the output folder
     * @param sweepId the sweep
     * @param runs the plan's size
     * @return the summary
     * @throws SQLException if the store cannot be read
     */
    public static KpiSummary finish(ResultsStore store, Path dir, String sweepId, int runs) throws SQLException {
        store.writeCsvTables(dir, sweepId);
        KpiSummary summary = new KpiSummary();
        readSummary(store, sweepId, runs, summary);
        return summary;
    }

    /**
     * Reads the KPIs and failures of a stored sweep.
     *
     * @param store the open store
     * @param sweepId the sweep
     * @param runs the plan's size
     * @param summary receives every completed run's KPIs and every failure
     * @throws SQLException if the store cannot be read
     */
    public static void readSummary(ResultsStore store, String sweepId, int runs, KpiSummary summary) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (Metric m : Metric.values()) {
            keys.add(m.key());
        }
        Map<String, double[]> columns = store.kpiColumns(sweepId, keys, runs);
        for (Metric m : Metric.values()) {
            for (double v : columns.get(m.key())) {
                if (!Double.isNaN(v)) { // a failed run has no KPIs
                    summary.add(m, v);
                }
            }
        }
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT run_index, failed_day, error FROM runs WHERE sweep_id = ? AND status = 'failed' ORDER BY run_index")) {
            ps.setString(1, sweepId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    summary.addFailed(rs.getInt(1), rs.getInt(2), rs.getString(3));
                }
            }
        }
    }

    /**
     * The provenance written to {@code meta.json}.
     *
     * @param sc the scenario
     * @param sweep the sweep
     * @param settings the settings
     * @param seconds wall time
     * @param summary the summary (for the failed runs)
     * @param executor what ran the runs ({@link org.resolve.analysis.RunExecutor#describe()})
     * @return the keys in their documented order
     */
    public static Map<String, Object> meta(Scenario sc, Sweep sweep, Settings settings, double seconds, KpiSummary summary,
                                           String executor) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("scenario", sc.id());
        meta.put("title", sc.title());
        meta.put("scenario_hash", sc.hash());
        meta.put("scenario_files", sc.files());
        meta.put("model_version", ModelVersion.get());
        meta.put("sweep_id", sweep.id());
        meta.put("results_store", STORE);
        meta.put("root_seed", settings.seed());
        meta.put("mode", settings.mode().key());
        if (settings.mode() == Mode.AGGREGATE) {
            meta.put("loyalty_bins", settings.bins());
        }
        meta.put("attrition_law", sc.attritionLaw().key());
        meta.put("design", sweep.plan().design());
        meta.put("replications", settings.replications());
        meta.put("days", sc.days());
        meta.put("start", sc.start().toString());
        meta.put("threads", settings.threads());
        meta.put("executor", executor);
        meta.put("overrides", settings.overrides());
        meta.put("command_line", settings.commandLine());
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(seconds * 1000) / 1000.0);
        meta.put("runs_failed", summary.failed().size());
        meta.put("java", System.getProperty("java.version"));
        meta.put("intended_use", sc.intendedUse());
        return meta;
    }

    /**
     * Writes {@code meta.json} atomically, through a fresh temporary file ({@link AtomicFiles}).
     *
     * @param dir the output folder
     * @param meta the provenance
     */
    public static void writeMeta(Path dir, Map<String, Object> meta) {
        try {
            AtomicFiles.write(dir.resolve("meta.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("meta.json: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a new ensemble into a folder and writes every file {@code resolve run} writes (for
     * callers with their own progress display and no resume, such as the web UI).
     *
     * @param sc the scenario (with its horizon)
     * @param settings the settings
     * @param dir the output folder; must not hold results
     * @param progress told of runs, commits and each run's result
     * @return the finished ensemble, or null when the sweep was interrupted (it stays resumable)
     * @throws Exception if the folder holds results, or the sweep or the store fails
     */
    public static Outcome run(Scenario sc, Settings settings, Path dir, SweepProgress progress) throws Exception {
        for (String f : RESULT_FILES) {
            if (Files.exists(dir.resolve(f))) {
                throw new StoreException(dir + " already holds results (" + f + ")");
            }
        }
        Files.createDirectories(dir);
        Sweep sweep = sweep(sc, settings);
        Engine engine = settings.engine().create();
        long t0 = System.nanoTime();
        KpiSummary summary;
        LocalExecutor executor = new LocalExecutor(settings.threads());
        try (ResultsStore store = ResultsStore.open(dir.resolve(STORE))) {
            SweepSummary done = new SweepRunner(store, executor).run(sweep, engine, progress);
            if (!done.complete()) {
                return null;
            }
            summary = finish(store, dir, sweep.id(), sweep.plan().size());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        writeMeta(dir, meta(sc, sweep, settings, secs, summary, executor.describe()));
        return new Outcome(dir, sweep, summary, secs);
    }
}
