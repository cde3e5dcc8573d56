package org.resolve.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.statistics.descriptive.Quantile;
import org.duckdb.DuckDBDriver;
import org.resolve.analysis.KpiSummary;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Metric;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.SweepInfo;

/**
 * Everything a report shows, read from a results folder: the metadata (meta.json and the store's
 * sweeps table), the scenario re-read and checked against its recorded hash, the headline KPIs of
 * the ensemble with their ranges, the daily series as fan-chart quantiles, what drives each
 * headline number, and the tables that {@code compare}, {@code sensitivity}, {@code calibrate} and
 * {@code backtest} leave in the folder.
 *
 * <p>The results store is opened read-only and closed before {@link #load} returns; nothing in the
 * folder is written. A folder without {@code results.duckdb} but with the CSV files of
 * {@code resolve run} or {@code resolve export} is read through an in-memory DuckDB instead. Stored
 * tables are preferred to CSV files; a command whose results are not in the store (compare,
 * sensitivity indices) is read from its CSV file.
 */
public final class ReportData {
    /** The headline KPIs, in the order the report shows them. */
    public static final List<Metric> HEADLINE = List.of(Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.SURRENDERED,
            Metric.SELF_KILLED, Metric.DESERTED, Metric.ROTATED_HOME, Metric.REPATRIATED_WOUNDED, Metric.REGIME_REVENUE_USD,
            Metric.FAMILIES_VALORISED, Metric.FAMILIES_PUNISHED);
    /** The daily series drawn as fan charts, when the folder holds series. */
    public static final List<Metric> FAN_METRICS = List.of(Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.SURRENDERED,
            Metric.DESERTED, Metric.ROTATED_HOME, Metric.STATUS_FRONT, Metric.REGIME_REVENUE_USD);
    /** The store's file name in a results folder. */
    public static final String STORE = "results.duckdb";
    /** How many drivers are listed per headline number. */
    public static final int TOP_DRIVERS = 3;

    /**
     * One headline number across the ensemble's completed replications, at the horizon.
     *
     * @param metric the KPI
     * @param median the median
     * @param q05 the 5th percentile
     * @param q95 the 95th percentile
     * @param runs completed replications summarised
     */
    public record Headline(Metric metric, double median, double q05, double q95, int runs) {
    }

    /**
     * A parameter (or group of parameters) and how strongly it drives an outcome.
     *
     * @param factor the parameter key, or a group's name
     * @param value the index or correlation
     * @param low its interval's lower end, or NaN
     * @param high its interval's upper end, or NaN
     */
    public record Driver(String factor, double value, double low, double high) {
    }

    /**
     * The strongest drivers of one outcome.
     *
     * @param metric the outcome
     * @param method {@code sobol}, {@code morris} or {@code spearman}
     * @param top the strongest first, at most {@link #TOP_DRIVERS}
     */
    public record Drivers(Metric metric, String method, List<Driver> top) {
        /** Copies the list. */
        public Drivers {
            top = List.copyOf(top);
        }
    }

    /**
     * A scenario as re-read for the report.
     *
     * @param id the scenario id recorded with the results
     * @param scenario the scenario re-read, or null when it could not be
     * @param note how it was found: "matches the recorded hash", or why it may differ or is missing
     * @param exact whether its hash equals the one recorded with the results
     */
    public record ScenarioCheck(String id, Scenario scenario, String note, boolean exact) {
    }

    private final Path dir;
    private final Map<String, String> meta;
    private final List<SweepInfo> sweeps;
    private final SweepInfo ensemble;
    private final ScenarioCheck scenario;
    private final List<ScenarioCheck> compared;
    private final int completedRuns;
    private final int failedRuns;
    private final List<Headline> headlines;
    private final List<FanSeries> fans;
    private final Map<Metric, Drivers> drivers;
    private final Map<String, CsvTable> tables;

    private ReportData(Path dir, Map<String, String> meta, List<SweepInfo> sweeps, SweepInfo ensemble, ScenarioCheck scenario,
                       List<ScenarioCheck> compared, int completedRuns, int failedRuns, List<Headline> headlines, List<FanSeries> fans,
                       Map<Metric, Drivers> drivers, Map<String, CsvTable> tables) {
        this.dir = dir;
        this.meta = Collections.unmodifiableMap(meta);
        this.sweeps = List.copyOf(sweeps);
        this.ensemble = ensemble;
        this.scenario = scenario;
        this.compared = List.copyOf(compared);
        this.completedRuns = completedRuns;
        this.failedRuns = failedRuns;
        this.headlines = List.copyOf(headlines);
        this.fans = List.copyOf(fans);
        this.drivers = Collections.unmodifiableMap(drivers);
        this.tables = Collections.unmodifiableMap(tables);
    }

    /**
     * Reads a results folder.
     *
     * @param resultsDir a folder written by {@code resolve run}, {@code compare --out},
     *     {@code sensitivity}, {@code calibrate} or {@code backtest --out}
     * @return what it holds
     * @throws ReportException if the folder does not exist, holds no results, or its store or
     *     files cannot be read (one line, naming the file)
     */
    public static ReportData load(Path resultsDir) {
        Path dir = resultsDir.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new ReportException(resultsDir + " does not exist; expected a results folder written by resolve run --out");
        }
        if (!Files.isDirectory(dir)) {
            throw new ReportException(resultsDir + " is a file; expected a results folder");
        }
        boolean hasStore = Files.isRegularFile(dir.resolve(STORE)) && size(dir.resolve(STORE)) > 0;
        boolean hasRunCsv = Files.isRegularFile(dir.resolve("kpis.csv")) && Files.isRegularFile(dir.resolve("runs.csv"));
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        Map<String, String> meta = readMeta(dir.resolve("meta.json"));
        JsonNode metaTree = readMetaTree(dir.resolve("meta.json"));
        List<SweepInfo> sweeps = new ArrayList<>();
        SweepInfo ensemble = null;
        int completed = 0;
        int failed = 0;
        List<Headline> headlines = new ArrayList<>();
        List<FanSeries> fans = new ArrayList<>();
        Map<Metric, Drivers> drivers = new EnumMap<>(Metric.class);
        Map<Metric, double[]> kpis = new EnumMap<>(Metric.class);
        Map<String, double[]> params = new LinkedHashMap<>();
        ScenarioCheck scenario = null;
        boolean resolved = false;
        if (hasStore || hasRunCsv) {
            try (Connection conn = hasStore ? openReadOnly(dir.resolve(STORE)) : csvViews(dir)) {
                Set<String> have = tableNames(conn);
                if (have.contains("sweeps")) {
                    sweeps.addAll(readSweeps(conn));
                }
                ensemble = pickEnsemble(sweeps, meta.get("sweep_id"));
                if (ensemble == null && !hasStore && have.contains("kpis")) {
                    ensemble = csvSweep(conn, meta);
                }
                if (ensemble != null && have.contains("runs") && have.contains("kpis")) {
                    int[] counts = runCounts(conn, ensemble.sweepId());
                    completed = counts[0];
                    failed = counts[1];
                    readKpis(conn, ensemble.sweepId(), kpis);
                    KpiSummary summary = new KpiSummary();
                    for (Map.Entry<Metric, double[]> e : kpis.entrySet()) {
                        for (double v : e.getValue()) {
                            if (!Double.isNaN(v)) {
                                summary.add(e.getKey(), v);
                            }
                        }
                    }
                    for (Metric m : HEADLINE) {
                        if (kpis.containsKey(m)) {
                            KpiSummary.Row r = summary.row(m);
                            headlines.add(new Headline(m, r.median(), r.q05(), r.q95(), (int) java.util.Arrays.stream(kpis.get(m))
                                    .filter(v -> !Double.isNaN(v)).count()));
                        }
                    }
                    params.putAll(readParams(conn, ensemble.sweepId()));
                    if (have.contains("series")) {
                        scenario = resolveMain(meta, metaTree, sweeps, ensemble, null);
                        resolved = true;
                        fans.addAll(readFans(conn, ensemble, startDate(meta, scenario)));
                    }
                }
                for (String t : List.of("posterior", "fit", "backtest")) {
                    if (have.contains(t)) {
                        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                            tables.put(t, CsvTable.of(rs));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ReportException("cannot read " + (hasStore ? dir.resolve(STORE) : dir) + ": " + firstLine(e.getMessage()), e);
            }
        }
        for (String t : List.of("compare", "sensitivity", "posterior", "fit", "backtest")) {
            Path csv = dir.resolve(t + ".csv");
            if (!tables.containsKey(t) && Files.isRegularFile(csv)) {
                try {
                    tables.put(t, CsvTable.read(csv));
                } catch (IOException e) {
                    throw new ReportException("cannot read " + csv + ": " + e.getMessage(), e);
                }
            }
        }
        if (ensemble == null && sweeps.isEmpty() && tables.isEmpty()) {
            throw new ReportException(resultsDir + " holds no results (no " + STORE
                    + ", runs.csv, compare.csv, sensitivity.csv, posterior.csv or backtest.csv); write some with resolve run --out "
                    + resultsDir);
        }
        if (!resolved) {
            scenario = resolveMain(meta, metaTree, sweeps, ensemble, tables.get("backtest"));
        }
        List<ScenarioCheck> compared = new ArrayList<>();
        if (metaTree != null && metaTree.path("scenarios").isArray()) {
            Integer days = metaTree.path("days").isInt() ? metaTree.path("days").asInt() : null;
            boolean first = true;
            for (JsonNode s : metaTree.path("scenarios")) {
                if (!first) {
                    compared.add(resolve(s.path("id").asText(), List.of(), s.path("hash").asText(null), days, List.of(), null));
                }
                first = false;
            }
        }
        CsvTable sens = tables.get("sensitivity");
        for (Metric m : HEADLINE) {
            Drivers d = sens != null ? fromSensitivity(sens, m) : spearman(m, kpis.get(m), params);
            if (d != null) {
                drivers.put(m, d);
            }
        }
        return new ReportData(dir, meta, sweeps, ensemble, scenario, compared, completed, failed, headlines, fans, drivers, tables);
    }

    /** @return the folder (absolute) */
    public Path dir() {
        return dir;
    }

    /** @return meta.json's top-level entries as text (lists joined by ", "), empty when there is none */
    public Map<String, String> meta() {
        return meta;
    }

    /** @return the sweeps in the results store, oldest first (empty without a store) */
    public List<SweepInfo> sweeps() {
        return sweeps;
    }

    /** @return the sweep the headline numbers and fan charts come from, if the folder holds an ensemble */
    public Optional<SweepInfo> ensemble() {
        return Optional.ofNullable(ensemble);
    }

    /** @return the main scenario (the run's, or the comparison's baseline), if recorded */
    public Optional<ScenarioCheck> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** @return a comparison's other scenarios, in the order compared (empty otherwise) */
    public List<ScenarioCheck> compared() {
        return compared;
    }

    /** @return the ensemble's completed replications */
    public int completedRuns() {
        return completedRuns;
    }

    /** @return the ensemble's failed replications (left out of every number) */
    public int failedRuns() {
        return failedRuns;
    }

    /** @return the headline numbers, in {@link #HEADLINE} order (empty without an ensemble) */
    public List<Headline> headlines() {
        return headlines;
    }

    /** @return the fan-chart series, in {@link #FAN_METRICS} order (empty without daily series) */
    public List<FanSeries> fans() {
        return fans;
    }

    /** @return for each headline number, its strongest drivers, when they could be computed */
    public Map<Metric, Drivers> drivers() {
        return drivers;
    }

    /**
     * @param name {@code compare}, {@code sensitivity}, {@code posterior}, {@code fit} or {@code backtest}
     * @return that table, if the folder holds it (from the store, or else from NAME.csv)
     */
    public Optional<CsvTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    // ---------------------------------------------------------------- reading

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Connection openReadOnly(Path store) throws SQLException {
        Properties props = new Properties();
        props.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        return new DuckDBDriver().connect("jdbc:duckdb:" + store, props);
    }

    /** An in-memory database whose views read the CSV files of resolve run (no store in the folder). */
    private static Connection csvViews(Path dir) throws SQLException {
        Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement st = c.createStatement()) {
            for (String[] v : new String[][] {{"runs", "runs.csv"}, {"kpis", "kpis.csv"}, {"series", "series.csv"}, {"sweeps", "sweep.csv"}}) {
                Path f = dir.resolve(v[1]);
                if (Files.isRegularFile(f)) {
                    st.execute("CREATE VIEW " + v[0] + " AS SELECT * FROM read_csv_auto('" + f.toString().replace("'", "''")
                            + "', header = true)");
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static Set<String> tableNames(Connection conn) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<SweepInfo> readSweeps(Connection conn) throws SQLException {
        List<SweepInfo> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT sweep_id, scenario_id, scenario_hash, CAST(model_version AS VARCHAR), "
                     + "CAST(created AS VARCHAR), CAST(updated AS VARCHAR), design, root_seed, mode, engine, attrition_law, runs, days, "
                     + "plan_digest, intended_use, command_line, resumes, status FROM sweeps ORDER BY created, sweep_id")) {
            while (rs.next()) {
                out.add(new SweepInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), timestamp(rs.getString(5)),
                        timestamp(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getInt(17), rs.getString(18)));
            }
        }
        return out;
    }

    private static LocalDateTime timestamp(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A sweep described by meta.json when only CSV files of a run are present without sweep.csv. */
    private static SweepInfo csvSweep(Connection conn, Map<String, String> meta) throws SQLException {
        String id;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT min(sweep_id) FROM kpis")) {
            rs.next();
            id = rs.getString(1);
        }
        if (id == null) {
            return null;
        }
        return new SweepInfo(id, meta.getOrDefault("scenario", ""), meta.getOrDefault("scenario_hash", ""),
                meta.getOrDefault("model_version", ""), null, null, meta.getOrDefault("design", "monte-carlo"),
                parseLong(meta.get("root_seed")), meta.getOrDefault("mode", ""), meta.getOrDefault("mode", ""),
                meta.getOrDefault("attrition_law", ""), (int) parseLong(meta.get("replications")), (int) parseLong(meta.get("days")),
                "", meta.getOrDefault("intended_use", ""), meta.getOrDefault("command_line", ""), 0, "complete");
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The sweep whose runs form an ensemble drawn from the scenario's distributions: the one
     * meta.json names, or else the newest Monte Carlo, Latin-hypercube or Sobol sweep. A
     * sensitivity design (Saltelli, Morris) is not an ensemble: its points are chosen for the
     * indices.
     */
    private static SweepInfo pickEnsemble(List<SweepInfo> sweeps, String metaSweep) {
        SweepInfo last = null;
        for (SweepInfo s : sweeps) {
            if (isEnsemble(s.design())) {
                if (s.sweepId().equals(metaSweep)) {
                    return s;
                }
                last = s;
            }
        }
        return last;
    }

    static boolean isEnsemble(String design) {
        return design != null && (design.startsWith("monte-carlo") || design.startsWith("lhs") || design.startsWith("sobol"));
    }

    private static int[] runCounts(Connection conn, String sweep) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FILTER (WHERE status = 'ok'), count(*) FILTER (WHERE status <> 'ok') FROM runs WHERE sweep_id = ?")) {
            ps.setString(1, sweep);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    /** KPI columns of the completed runs, in run-index order; NaN where a run lacks a value. */
    private static void readKpis(Connection conn, String sweep, Map<Metric, double[]> out) throws SQLException {
        List<Integer> ok = okRuns(conn, sweep);
        Map<Integer, Integer> pos = new LinkedHashMap<>();
        for (int i = 0; i < ok.size(); i++) {
            pos.put(ok.get(i), i);
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT run_index, CAST(metric AS VARCHAR), value FROM kpis WHERE sweep_id = ? ORDER BY run_index")) {
            ps.setString(1, sweep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer p = pos.get(rs.getInt(1));
                    Metric m = Metric.byKey(rs.getString(2));
                    if (p == null || m == null || !HEADLINE.contains(m)) {
                        continue;
                    }
                    double[] col = out.computeIfAbsent(m, k -> {
                        double[] a = new double[ok.size()];
                        java.util.Arrays.fill(a, Double.NaN);
                        return a;
                    });
                    double v = rs.getDouble(3);
                    col[p] = rs.wasNull() ? Double.NaN : v;
                }
            }
        }
    }

    private static List<Integer> okRuns(Connection conn, String sweep) throws SQLException {
        List<Integer> ok = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT run_index FROM runs WHERE sweep_id = ? AND status = 'ok' ORDER BY run_index")) {
            ps.setString(1, sweep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ok.add(rs.getInt(1));
                }
            }
        }
        return ok;
    }

    /** Each parameter's values over the completed runs (run-index order), for those whose value varies. */
    private static Map<String, double[]> readParams(Connection conn, String sweep) throws SQLException {
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM runs WHERE sweep_id = ? AND status = 'ok' ORDER BY run_index")) {
            ps.setString(1, sweep);
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                Map<Integer, String> paramCols = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (Param.byKey(md.getColumnLabel(i)) != null) {
                        paramCols.put(i, md.getColumnLabel(i));
                    }
                }
                while (rs.next()) {
                    for (Map.Entry<Integer, String> e : paramCols.entrySet()) {
                        double v = rs.getDouble(e.getKey());
                        cols.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(rs.wasNull() ? Double.NaN : v);
                    }
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : cols.entrySet()) {
            double[] a = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max > min) {
                out.put(e.getKey(), a);
            }
        }
        return out;
    }

    /**
     * Daily quantiles of each fan metric across the completed runs: DuckDB gathers each
     * (metric, day)'s values, Commons Statistics takes the quantiles with the same estimator as
     * the headline table ({@link KpiSummary}).
     */
    private static List<FanSeries> readFans(Connection conn, SweepInfo sweep, LocalDate start) throws SQLException {
        Map<Metric, List<FanSeries.Day>> days = new EnumMap<>(Metric.class);
        Map<Metric, Integer> counts = new EnumMap<>(Metric.class);
        StringBuilder in = new StringBuilder();
        for (Metric m : FAN_METRICS) {
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(m.key()).append('\'');
        }
        Quantile q = Quantile.withDefaults();
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(s.metric AS VARCHAR) AS m, s.day, list(s.value ORDER BY s.run_index) "
                + "FROM series s WHERE s.sweep_id = ? AND CAST(s.metric AS VARCHAR) IN (" + in + ") AND s.run_index IN "
                + "(SELECT run_index FROM runs WHERE sweep_id = ? AND status = 'ok') GROUP BY m, s.day ORDER BY m, s.day")) {
            ps.setString(1, sweep.sweepId());
            ps.setString(2, sweep.sweepId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Metric m = Metric.byKey(rs.getString(1));
                    Array arr = rs.getArray(3);
                    Object[] vals = (Object[]) arr.getArray();
                    double[] a = new double[vals.length];
                    int n = 0;
                    for (Object o : vals) {
                        if (o instanceof Number num && !Double.isNaN(num.doubleValue())) {
                            a[n++] = num.doubleValue();
                        }
                    }
                    if (n == 0) {
                        continue;
                    }
                    double[] r = q.evaluate(java.util.Arrays.copyOf(a, n), 0.05, 0.25, 0.5, 0.75, 0.95);
                    days.computeIfAbsent(m, k -> new ArrayList<>()).add(new FanSeries.Day(rs.getInt(2), r[0], r[1], r[2], r[3], r[4]));
                    counts.merge(m, n, Math::max);
                }
            }
        }
        List<FanSeries> out = new ArrayList<>();
        for (Metric m : FAN_METRICS) {
            List<FanSeries.Day> d = days.get(m);
            if (d != null && d.size() > 1) {
                String label = Character.toUpperCase(Format.phrase(m).charAt(0)) + Format.phrase(m).substring(1);
                out.add(new FanSeries(m.key(), label, Format.unit(m), start, counts.get(m), d));
            }
        }
        return out;
    }

    /** The date of day 0: meta.json's start, else the re-read scenario's, else the default scenario's. */
    private static LocalDate startDate(Map<String, String> meta, ScenarioCheck check) {
        try {
            if (meta.containsKey("start")) {
                return LocalDate.parse(meta.get("start"));
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through
        }
        if (check != null && check.scenario() != null) {
            return check.scenario().start();
        }
        try {
            return ScenarioLoader.load(Bundled.DEFAULT).start();
        } catch (ScenarioException e) {
            throw new IllegalStateException("the default scenario does not load", e);
        }
    }

    // ---------------------------------------------------------------- scenario

    private static ScenarioCheck resolveMain(Map<String, String> meta, JsonNode tree, List<SweepInfo> sweeps, SweepInfo ensemble,
                                             CsvTable backtest) {
        if (tree != null && tree.path("scenarios").isArray() && tree.path("scenarios").size() > 0) {
            JsonNode s = tree.path("scenarios").get(0);
            Integer days = tree.path("days").isInt() ? tree.path("days").asInt() : null;
            return resolve(s.path("id").asText(), List.of(), s.path("hash").asText(null), days, List.of(), null);
        }
        if (tree != null && tree.hasNonNull("scenario")) {
            List<String> files = new ArrayList<>();
            tree.path("scenario_files").forEach(f -> files.add(f.asText()));
            List<String> overrides = new ArrayList<>();
            tree.path("overrides").forEach(f -> overrides.add(f.asText()));
            Integer days = tree.path("days").isInt() ? tree.path("days").asInt() : null;
            return resolve(tree.path("scenario").asText(), files, tree.path("scenario_hash").asText(null), days, overrides,
                    meta.get("attrition_law"));
        }
        SweepInfo s = ensemble != null ? ensemble : sweeps.isEmpty() ? null : sweeps.get(sweeps.size() - 1);
        if (s != null) {
            return resolve(s.scenarioId(), List.of(), s.scenarioHash(), s.days(), List.of(), s.attritionLaw());
        }
        CsvTable bt = backtest;
        if (bt != null && bt.size() > 0 && bt.has("scenario_id")) {
            Integer days = bt.has("days") && !Double.isNaN(bt.number(0, "days")) ? (int) bt.number(0, "days") : null;
            return resolve(bt.get(0, "scenario_id"), List.of(), bt.get(0, "scenario_hash"), days, List.of(), null);
        }
        return null;
    }

    /**
     * Re-reads a scenario as recorded with results: from its file when recorded and still there,
     * else by bundled id; with the recorded overrides, horizon and attrition law; and compares the
     * hash. A scenario recorded as the web editor's unsaved text ({@link ScenarioLoader#UNSAVED})
     * is not re-read at all.
     */
    static ScenarioCheck resolve(String id, List<String> files, String hash, Integer days, List<String> overrides, String law) {
        List<String> refs = new ArrayList<>();
        if (!files.isEmpty()) {
            String last = files.get(files.size() - 1);
            if (last.startsWith(ScenarioLoader.UNSAVED)) {
                // text from the web editor that was not saved: there is nothing to re-read, and a
                // file or bundled scenario of the same name may differ from what was run
                return new ScenarioCheck(id, null, "scenario " + id + " was run from " + last
                        + " in resolve serve, which cannot be re-read; its parameters are not shown", false);
            }
            refs.add(last.equals(Bundled.label(id)) ? id : last);
        }
        if (Bundled.IDS.contains(id) && !refs.contains(id)) {
            refs.add(id);
        }
        if (refs.isEmpty()) {
            return new ScenarioCheck(id, null, "scenario " + id + " is not bundled and its file is not recorded; its parameters are not shown", false);
        }
        Scenario fallback = null;
        String why = null;
        for (String ref : refs) {
            try {
                Scenario sc = ScenarioLoader.load(ref);
                Map<Param, Double> set = new EnumMap<>(Param.class);
                for (String o : overrides) {
                    int eq = o.indexOf('=');
                    Param p = eq > 0 ? Param.byKey(o.substring(0, eq).trim()) : null;
                    if (p != null) {
                        set.put(p, Double.parseDouble(o.substring(eq + 1).trim()));
                    }
                }
                sc = sc.with(set, days == null ? 0 : days);
                AttritionLaw l = law == null ? null : AttritionLaw.byKey(law);
                if (l != null && l != sc.attritionLaw()) {
                    sc = sc.withLaw(l);
                }
                if (hash == null || hash.isEmpty()) {
                    return new ScenarioCheck(id, sc, "re-read from " + label(ref) + "; no hash was recorded to check it against", false);
                }
                if (sc.hash().equals(hash)) {
                    return new ScenarioCheck(id, sc, "re-read from " + label(ref) + "; matches the recorded scenario hash", true);
                }
                if (fallback == null) {
                    fallback = sc;
                    why = label(ref);
                }
            } catch (ScenarioException | RuntimeException e) {
                // try the next reference; the note below names them all
            }
        }
        if (fallback != null) {
            return new ScenarioCheck(id, fallback, "re-read from " + why + ", which has changed since these results were made "
                    + "(its hash differs from the recorded one): the parameters shown may not be those used", false);
        }
        return new ScenarioCheck(id, null, "scenario " + id + " could not be re-read from " + String.join(" or ", refs)
                + "; its parameters are not shown", false);
    }

    private static String label(String ref) {
        return Bundled.IDS.contains(ref) ? Bundled.label(ref) : Path.of(ref).getFileName().toString();
    }

    // ---------------------------------------------------------------- drivers

    private static Drivers fromSensitivity(CsvTable t, Metric m) {
        List<Driver> list = new ArrayList<>();
        String method = null;
        for (int i = 0; i < t.size(); i++) {
            if (!m.key().equals(t.get(i, "metric"))) {
                continue;
            }
            String index = t.get(i, "index");
            if ((index.equals("ST") || index.equals("mu_star")) && !Double.isNaN(t.number(i, "value"))) {
                method = t.get(i, "method");
                list.add(new Driver(t.get(i, "factor"), t.number(i, "value"), t.number(i, "ci_low"), t.number(i, "ci_high")));
            }
        }
        if (list.isEmpty()) {
            return null;
        }
        list.sort(Comparator.comparingDouble((Driver d) -> d.value()).reversed());
        double top = list.get(0).value();
        // A factor with an index near 0 does not drive the outcome: it is not listed as a driver.
        list.removeIf(d -> !(d.value() > 0.01 * top));
        if (list.isEmpty()) {
            return null;
        }
        return new Drivers(m, method, list.subList(0, Math.min(TOP_DRIVERS, list.size())));
    }

    /** Spearman's rank correlation of each varying parameter with the KPI over the completed runs; the largest |rho| first. */
    private static Drivers spearman(Metric m, double[] kpi, Map<String, double[]> params) {
        if (kpi == null || params.isEmpty() || kpi.length < 3) {
            return null;
        }
        List<Driver> list = new ArrayList<>();
        for (Map.Entry<String, double[]> e : params.entrySet()) {
            double rho = Spearman.rho(e.getValue(), kpi);
            if (!Double.isNaN(rho)) {
                list.add(new Driver(e.getKey(), rho, Double.NaN, Double.NaN));
            }
        }
        if (list.isEmpty()) {
            return null;
        }
        list.sort(Comparator.comparingDouble((Driver d) -> -Math.abs(d.value())));
        return new Drivers(m, "spearman", list.subList(0, Math.min(TOP_DRIVERS, list.size())));
    }

    // ---------------------------------------------------------------- meta.json

    private static JsonNode readMetaTree(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static Map<String, String> readMeta(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode tree = readMetaTree(file);
        if (tree == null || !tree.isObject()) {
            return out;
        }
        tree.properties().forEach(e -> out.put(e.getKey(), text(e.getValue())));
        return out;
    }

    private static String text(JsonNode n) {
        if (n.isValueNode()) {
            return n.asText();
        }
        List<String> parts = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(c -> parts.add(text(c)));
        } else {
            n.properties().forEach(e -> parts.add(e.getKey() + " " + text(e.getValue())));
        }
        return String.join(", ", parts);
    }

    static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
