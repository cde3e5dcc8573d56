package org.resolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.RunExecutor;
import org.resolve.analysis.RunPlan;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.EngineSpec;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve run}: one ensemble of a scenario, a table of headline KPIs, tidy CSV. */
@Command(name = "run", aliases = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an ensemble of a scenario and print its headline outcomes.",
            "Runs go into a results store (results.duckdb) and tidy CSV (runs.csv, series.csv, kpis.csv,",
            "sweep.csv) with meta.json; --resume continues an interrupted run.",
            "Each replication draws the uncertain parameters from their distributions; the table shows the",
            "median and the 5-95%% range across replications at the horizon."})
public final class RunCommand implements Callable<Integer> {
    /** The default root seed (documented in the user guide). */
    public static final long DEFAULT_SEED = 20241008L;
    /** Replications when none are asked for. */
    public static final int DEFAULT_REPLICATIONS = 200;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = Bundled.DEFAULT,
            description = "A bundled scenario id or a file path (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--mode", defaultValue = "agent", paramLabel = "agent|aggregate",
            description = "One agent per soldier, or expected flows between compartments (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--replications", defaultValue = "" + DEFAULT_REPLICATIONS, paramLabel = "N", description = "Replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<scenario>-<mode>-<time>). Must not hold results already.")
    Path outDir;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Fix a parameter for this run (repeatable), e.g. --set regime_share=0.9")
    List<String> sets = new ArrayList<>();

    @Option(names = "--law", paramLabel = "square|linear|logarithmic", description = "Override the scenario's attrition law.")
    AttritionLaw law;

    /** Designs for the replications' parameter values. */
    public enum Design { MONTE_CARLO, LHS, SOBOL }

    @Option(names = "--design", defaultValue = "monte_carlo", paramLabel = "monte_carlo|lhs|sobol",
            description = "How replications sample the uncertain parameters: Monte Carlo, Latin hypercube or scrambled Sobol (default: ${DEFAULT-VALUE}).")
    Design design;

    @Option(names = "--resume", description = "Continue an interrupted run in --out DIR (same command otherwise).")
    boolean resume;

    @Option(names = "--report", description = "Also write report.html, a self-contained HTML report (as resolve report DIR does).")
    boolean report;

    /** The results store's file name in the output folder. */
    public static final String STORE = "results.duckdb";

    @Mixin
    SweepOptions common;

    @Mixin
    ExecutorChoice executor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications < 1) {
            throw new UserError("--replications must be at least 1, not " + replications);
        }
        common.validate();
        int nThreads = common.threads();
        long seed = common.seed;
        Scenario sc = ScenarioLoader.load(scenario);
        sc = sc.with(overrides(), common.days == null ? 0 : common.days);
        if (law != null) {
            sc = sc.withLaw(law);
        }
        Path dir = SweepOptions.output(outDir, sc.id(), mode.key());
        StoredSweep.checkFolder(dir, resume, List.of(STORE, "runs.csv", "series.csv", "kpis.csv", "meta.json"));
        RunPlan plan = plan(sc, seed);
        Sweep sweep = Sweep.of(sc, plan, mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(common.bins), Main.commandLine(spec));
        long t0 = System.nanoTime();
        KpiSummary summary = new KpiSummary();
        int code;
        String executed;
        try (RunExecutor ex = executor.open(nThreads)) {
            executed = ex.describe();
            code = StoredSweep.execute(dir, resume, sweep, common.engine(mode), ex, sc.id() + " (" + mode.key() + ")", err,
                    (store, id) -> {
                        store.exportCsv(dir, id);
                        readSummary(store, id, plan.size(), summary);
                    });
        }
        if (code != 0) {
            return code;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("scenario", sc.id());
        meta.put("title", sc.title());
        meta.put("scenario_hash", sc.hash());
        meta.put("scenario_files", sc.files());
        meta.put("model_version", ModelVersion.get());
        meta.put("sweep_id", sweep.id());
        meta.put("results_store", STORE);
        meta.put("root_seed", seed);
        meta.put("mode", mode.key());
        if (mode == Mode.AGGREGATE) {
            meta.put("loyalty_bins", common.bins);
        }
        meta.put("attrition_law", sc.attritionLaw().key());
        meta.put("design", plan.design());
        meta.put("replications", replications);
        meta.put("days", sc.days());
        meta.put("start", sc.start().toString());
        meta.put("threads", nThreads);
        meta.put("executor", executed);
        meta.put("overrides", sets);
        meta.put("command_line", Main.commandLine(spec));
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(secs * 1000) / 1000.0);
        meta.put("runs_failed", summary.failed().size());
        meta.put("java", System.getProperty("java.version"));
        meta.put("intended_use", sc.intendedUse());
        Path tmp = dir.resolve("meta.json.partial");
        Files.writeString(tmp, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("meta.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        printTable(out, sc, summary, secs, dir);
        if (report) {
            out.println("report: " + ReportCommand.write(dir, null));
        }
        return 0;
    }

    private RunPlan plan(Scenario sc, long seed) {
        return switch (design) {
            case MONTE_CARLO -> RunPlan.monteCarlo(sc, seed, replications);
            case LHS -> RunPlan.latinHypercube(sc, seed, replications);
            case SOBOL -> RunPlan.sobol(sc, seed, replications);
        };
    }

    /** Reads the KPIs and failures of a stored sweep. */
    static void readSummary(ResultsStore store, String sweepId, int runs, KpiSummary summary) throws java.sql.SQLException {
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
        try (java.sql.PreparedStatement ps = store.connection().prepareStatement(
                "SELECT run_index, failed_day, error FROM runs WHERE sweep_id = ? AND status = 'failed' ORDER BY run_index")) {
            ps.setString(1, sweepId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    summary.addFailed(rs.getInt(1), rs.getInt(2), rs.getString(3));
                }
            }
        }
    }

    private Map<Param, Double> overrides() {
        Map<Param, Double> o = new EnumMap<>(Param.class);
        List<String> names = new ArrayList<>();
        for (Param p : Param.values()) {
            names.add(p.key());
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + s + ": expected NAME=VALUE, e.g. --set regime_share=0.9");
            }
            String name = s.substring(0, eq).trim();
            Param p = Param.byKey(name);
            if (p == null) {
                String hint = DidYouMean.suggest(name, names);
                throw new UserError("--set " + s + ": unknown parameter '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
            }
            double v;
            try {
                v = Double.parseDouble(s.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new UserError("--set " + s + ": '" + s.substring(eq + 1) + "' is not a number; expected " + p.kind().expected());
            }
            if (!p.kind().admits(v)) {
                throw new UserError("--set " + s + ": " + v + " out of range; expected " + p.kind().expected());
            }
            o.put(p, v);
        }
        return o;
    }


    private static void printTable(PrintWriter out, Scenario sc, KpiSummary s, double secs, Path dir) {
        out.println();
        out.printf(Locale.ROOT, "%s: %s%n", sc.id(), sc.title());
        out.printf(Locale.ROOT, "At the horizon (%s, day %d), across %d completed replications:%n",
                sc.start().plusDays(sc.days() - 1L), sc.days(), s.runs());
        out.printf(Locale.ROOT, "  %-22s %14s   %-29s%n", "outcome", "median", "5-95% range");
        for (Metric m : KpiSummary.HEADLINE) {
            KpiSummary.Row r = s.row(m);
            out.printf(Locale.ROOT, "  %-22s %14s   %-29s%n", m.key(), human(r.median()),
                    human(r.q05()) + " - " + human(r.q95()));
        }
        if (!s.failed().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%d run(s) failed and are left out of the table (see runs.csv):%n", s.failed().size());
            for (KpiSummary.Failure f : s.failed().subList(0, Math.min(5, s.failed().size()))) {
                out.printf(Locale.ROOT, "  run %d, day %d: %s%n", f.runIndex(), f.failedDay(), f.error());
            }
        }
        out.println();
        out.println("Ranges come from the scenario's stated uncertainty; they explore assumptions, they do not predict.");
        out.printf(Locale.ROOT, "%d runs in %.1f s; results in %s%n", s.runs(), secs, dir);
        out.flush();
    }

    /** @return a number for people: grouped thousands, millions as "M" */
    static String human(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
