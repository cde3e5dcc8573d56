package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.RunExecutor;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.Bundled;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;
import org.resolve.store.Ensemble;
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

    @Option(names = "--replications", defaultValue = "" + DEFAULT_REPLICATIONS, paramLabel = "N",
            description = "Replications, 1 to " + Bounds.MAX_RUNS + " (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<scenario>-<mode>-<time>). Must not hold results already.")
    Path outDir;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Fix a parameter for this run (repeatable), e.g. --set regime_share=0.9")
    List<String> sets = new ArrayList<>();

    @Option(names = "--law", paramLabel = "square|linear|logarithmic", description = "Override the scenario's attrition law.")
    AttritionLaw law;

    @Option(names = "--design", defaultValue = "monte_carlo", paramLabel = "monte_carlo|lhs|sobol",
            description = "How replications sample the uncertain parameters: Monte Carlo, Latin hypercube or scrambled Sobol (default: ${DEFAULT-VALUE}).")
    Ensemble.Design design;

    @Option(names = "--resume", description = "Continue an interrupted run in --out DIR (same command otherwise).")
    boolean resume;

    @Option(names = "--report", description = "Also write report.html, a self-contained HTML report (as resolve report DIR does).")
    boolean report;

    /** The results store's file name in the output folder. */
    public static final String STORE = Ensemble.STORE;

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
        Bounds.check("--replications", replications, 1, Bounds.MAX_RUNS);
        common.validate();
        int nThreads = common.threads();
        long seed = common.seed;
        // --set values go through the loader's own checks, located at each --set (issue 13, item 4)
        Scenario sc = ScenarioLoader.load(scenario, sets);
        if (common.days != null) {
            sc = sc.with(Map.of(), common.days);
        }
        if (law != null) {
            sc = sc.withLaw(law);
        }
        // Held at once: the plan and every run's KPIs (read back for the table), and each worker's
        // runs in flight with their daily series; the series themselves stream into the store.
        Bounds.memory("--replications " + replications + " over " + sc.days() + " days with " + nThreads + " threads",
                replications * (Bounds.PLAN_BYTES_PER_RUN + Bounds.KPI_BYTES_PER_RUN) + Bounds.inFlightBytes(nThreads, sc.days()));
        Path dir = SweepOptions.output(outDir, sc.id(), mode.key());
        StoredSweep.checkFolder(dir, resume, Ensemble.RESULT_FILES);
        Ensemble.Settings settings = new Ensemble.Settings(mode, common.bins, design, replications, seed, nThreads, sets,
                Main.commandLine(spec));
        Sweep sweep = Ensemble.sweep(sc, settings);
        int runs = sweep.plan().size();
        long t0 = System.nanoTime();
        KpiSummary[] summary = new KpiSummary[1];
        int code;
        String executed;
        OutputFolder folder = OutputFolder.before(dir);
        double secs;
        try {
            try (RunExecutor ex = executor.open(nThreads)) {
                executed = ex.describe();
                code = StoredSweep.execute(dir, resume, sweep, common.engine(mode), ex, sc.id() + " (" + mode.key() + ")", err,
                        (store, id) -> summary[0] = Ensemble.finish(store, dir, id, runs));
            }
            if (code != 0) {
                return code;
            }
            secs = (System.nanoTime() - t0) / 1e9;
            Ensemble.writeMeta(dir, Ensemble.meta(sc, sweep, settings, secs, summary[0], executed));
        } catch (Exception e) {
            throw folder.failed(e);
        }
        printTable(out, sc, summary[0], secs, dir);
        if (report) {
            out.println("report: " + ReportCommand.write(dir, null));
        }
        return 0;
    }

    private static void printTable(PrintWriter out, Scenario sc, KpiSummary s, double secs, Path dir) {
        out.println();
        out.printf(Locale.ROOT, "%s: %s%n", sc.id(), Terminal.line(sc.title()));
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

    /** @return a number for people: grouped thousands, millions as "M" (as the HTML report writes it) */
    static String human(double v) {
        return org.resolve.report.Format.human(v);
    }
}
