package org.resolve.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.RunPlan;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioException;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.EngineSpec;
import org.resolve.store.ResultsStore;
import org.resolve.store.Sweep;
import org.resolve.store.SweepRunner;
import org.resolve.store.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve run}: one ensemble of a scenario, a table of headline KPIs, tidy CSV. */
@Command(name = "run", aliases = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an ensemble of a scenario into a results store (results.duckdb) and tidy CSV",
            "(runs.csv, series.csv, kpis.csv, sweep.csv) with meta.json; --resume continues an interrupted one.",
            "Each replication draws the uncertain parameters from their distributions; the table shows the",
            "median and the 5-95%% range across replications at the horizon."})
public final class RunCommand implements Callable<Integer> {
    /** The default root seed (documented in the user guide). */
    public static final long DEFAULT_SEED = 20241008L;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = Bundled.DEFAULT,
            description = "A bundled scenario id or a file path (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--mode", defaultValue = "agent", paramLabel = "agent|aggregate",
            description = "One agent per soldier, or expected flows between compartments (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--replications", defaultValue = "200", paramLabel = "N", description = "Replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, paramLabel = "S", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", paramLabel = "D", description = "Horizon in days (default: the scenario's).")
    Integer days;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

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

    /** The results store's file name in the output folder. */
    public static final String STORE = "results.duckdb";

    @Option(names = "--bins", defaultValue = "" + Engine.DEFAULT_BINS, paramLabel = "K",
            description = "Aggregate mode: loyalty bins per wave (default: ${DEFAULT-VALUE}).")
    int bins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications < 1) {
            throw new UserError("--replications must be at least 1, not " + replications);
        }
        if (days != null && (days < 1 || days > 3650)) {
            throw new UserError("--days must be between 1 and 3650, not " + days);
        }
        if (bins < 1 || bins > 256) {
            throw new UserError("--bins must be between 1 and 256, not " + bins);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new UserError("--threads must be at least 1, not " + nThreads);
        }
        Scenario sc = ScenarioLoader.load(scenario);
        sc = sc.with(overrides(), days == null ? 0 : days);
        if (law != null) {
            sc = sc.withLaw(law);
        }
        Path dir = outDir != null ? outDir : Path.of("results", sc.id() + "-" + mode.key() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path storeFile = dir.resolve(STORE);
        if (resume) {
            if (!Files.exists(storeFile)) {
                throw new UserError("--resume: " + dir + " holds no results store (" + STORE + "); run without --resume first");
            }
        } else {
            checkOutput(dir);
        }
        RunPlan plan = plan(sc);
        EngineSpec spec = mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(bins);
        Sweep sweep = Sweep.of(sc, plan, spec, commandLine());
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        KpiSummary summary = new KpiSummary();
        SweepSummary done;
        try (ResultsStore store = ResultsStore.open(storeFile)) {
            if (resume && store.sweep(sweep.id()).isEmpty()) {
                throw new UserError("--resume: " + dir + " holds a different sweep; resume with the same scenario, seed, "
                        + "design, replications, days, mode and overrides as the first command");
            }
            int stored = store.storedRuns(sweep.id()).cardinality();
            int toRun = plan.size() - stored;
            if (resume) {
                err.printf(Locale.ROOT, "resuming sweep %s: %d of %d runs stored, %d to run%n", sweep.id(), stored, plan.size(), toRun);
            }
            try (Progress progress = new Progress(sc.id() + " (" + mode.key() + ")", Math.max(1, toRun), err, terminal)) {
                done = new SweepRunner(store, nThreads).run(sweep, (n, total) -> progress.update(n));
            }
            if (done.interrupted()) {
                err.printf(Locale.ROOT, "interrupted: %d of %d runs stored in %s; continue with the same command and --resume%n",
                        done.alreadyPresent() + done.ranNow(), done.planned(), storeFile);
                return Main.INTERRUPTED;
            }
            store.exportCsv(dir, sweep.id());
            readSummary(store, sweep.id(), summary);
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
            meta.put("loyalty_bins", bins);
        }
        meta.put("attrition_law", sc.attritionLaw().key());
        meta.put("design", plan.design());
        meta.put("replications", replications);
        meta.put("days", sc.days());
        meta.put("start", sc.start().toString());
        meta.put("threads", nThreads);
        meta.put("overrides", sets);
        meta.put("command_line", commandLine());
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
        return 0;
    }

    private RunPlan plan(Scenario sc) {
        return switch (design) {
            case MONTE_CARLO -> RunPlan.monteCarlo(sc, seed, replications);
            case LHS -> RunPlan.latinHypercube(sc, seed, replications);
            case SOBOL -> RunPlan.sobol(sc, seed, replications);
        };
    }

    /** Reads the KPIs and failures of a stored sweep. */
    static void readSummary(ResultsStore store, String sweepId, KpiSummary summary) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = store.connection().prepareStatement(
                "SELECT metric::VARCHAR, value FROM kpis WHERE sweep_id = ? ORDER BY run_index, metric")) {
            ps.setString(1, sweepId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Metric m = Metric.byKey(rs.getString(1));
                    if (m != null) {
                        summary.add(m, rs.getDouble(2));
                    }
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

    private static void checkOutput(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + " is a file; expected a folder");
        }
        if (Files.isDirectory(dir)) {
            for (String f : List.of(STORE, "runs.csv", "series.csv", "kpis.csv", "meta.json")) {
                if (Files.exists(dir.resolve(f))) {
                    throw new UserError("--out " + dir + " already holds results (" + f + "); choose another folder or remove it");
                }
            }
        }
    }

    private String commandLine() {
        List<String> parts = new ArrayList<>(List.of("resolve"));
        parts.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", parts);
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
            for (org.resolve.core.engine.RunResult f : s.failed().subList(0, Math.min(5, s.failed().size()))) {
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
