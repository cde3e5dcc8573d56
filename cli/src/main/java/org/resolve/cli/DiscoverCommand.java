package org.resolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.discovery.DiscoveredBox;
import org.resolve.analysis.discovery.OutcomeExpression;
import org.resolve.analysis.discovery.PeelingTrajectory;
import org.resolve.analysis.discovery.Prim;
import org.resolve.analysis.discovery.PrimBox;
import org.resolve.analysis.discovery.PrimData;
import org.resolve.analysis.discovery.PrimOptions;
import org.resolve.analysis.discovery.PrimResult;
import org.resolve.analysis.discovery.Restriction;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;
import org.resolve.store.EngineSpec;
import org.resolve.store.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve discover}: which parameter ranges lead to an outcome (PRIM over a Latin hypercube). */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which ranges of the uncertain parameters lead to an outcome (scenario discovery).",
            "Runs a Latin-hypercube sweep over the scenario's uncertain parameters, marks the runs where the",
            "outcome holds, and finds boxes of parameter ranges with PRIM (peeling and pasting), showing the",
            "coverage/density trade-off. Example: resolve discover kursk-2024 --outcome \"killed > 2500\""})
public final class DiscoverCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "kursk-2024", paramLabel = "SCENARIO",
            description = "A bundled id or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--outcome", required = true, paramLabel = "EXPRESSION",
            description = "A condition on KPIs at the horizon, e.g. \"killed > 3000\" or \"surrendered >= 100 and killed < 4000\".")
    String outcome;

    @Option(names = "--n", defaultValue = "2000", paramLabel = "N",
            description = "Runs in the Latin hypercube, 20 to " + Bounds.MAX_RUNS + " (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--mode", defaultValue = "aggregate", paramLabel = "agent|aggregate", description = "Engine (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--boxes", defaultValue = "1", paramLabel = "K",
            description = "Boxes to find by covering, 1 to " + Bounds.MAX_BOXES + " (default: ${DEFAULT-VALUE}).")
    int boxes;

    @Option(names = "--density", defaultValue = "0.8", paramLabel = "D",
            description = "Target density of a chosen box, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--peel", defaultValue = "0.05", paramLabel = "A",
            description = "Share of points peeled per step, above 0 and below 0.5 (default: ${DEFAULT-VALUE}).")
    double peel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder: results.duckdb, discover.csv, meta.json (default: results/<scenario>-discover-<time>).")
    Path outDir;

    @Option(names = "--resume", description = "Continue an interrupted sweep in --out DIR (same command otherwise).")
    boolean resume;

    @Mixin
    SweepOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        common.validate();
        Bounds.check("--n", n, 20, Bounds.MAX_RUNS);
        Bounds.check("--boxes", boxes, 1, Bounds.MAX_BOXES);
        if (!(density >= 0 && density <= 1)) {
            throw new UserError("--density must be between 0 and 1, not " + density);
        }
        if (!(peel > 0 && peel < 0.5)) {
            throw new UserError("--peel must be above 0 and below 0.5, not " + peel);
        }
        List<String> metricKeys = new ArrayList<>();
        for (Metric m : Metric.values()) {
            metricKeys.add(m.key());
        }
        OutcomeExpression expr;
        try {
            expr = OutcomeExpression.parse(outcome, metricKeys);
        } catch (IllegalArgumentException e) {
            throw new UserError("--outcome: " + e.getMessage().replace('\n', ' '));
        }
        PrimOptions options;
        try {
            options = PrimOptions.defaults().withTargetDensity(density).withPeelAlpha(peel).withMaxBoxes(boxes);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Scenario sc = common.load(scenario);
        List<Param> uncertain = sc.uncertainParameters();
        if (uncertain.isEmpty()) {
            throw new UserError("scenario " + sc.id() + " has no uncertain parameter; give some a distribution");
        }
        // Held at once: the plan, the outcome's KPI columns, the parameter matrix and PRIM's copies of it.
        Bounds.memory("--n " + n + " with " + uncertain.size() + " uncertain parameters", (long) n * (Bounds.PLAN_BYTES_PER_RUN
                + 8L * Metric.COUNT + 24L * uncertain.size()) + Bounds.inFlightBytes(common.threads(), 1));
        Path dir = SweepOptions.output(outDir, sc.id(), "discover");
        StoredSweep.checkFolder(dir, resume, List.of(RunCommand.STORE));
        RunPlan plan = RunPlan.latinHypercube(sc, common.seed, n);
        Sweep sweep = Sweep.of(sc, plan, mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(common.bins),
                Main.commandLine(spec));
        // Failed runs have no KPIs: their outcomes stay NaN, and PRIM excludes and counts them.
        Map<String, double[]> kpis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        OutputFolder folder = OutputFolder.before(dir);
        int code;
        try {
            code = StoredSweep.execute(dir, resume, sweep, common.engine(mode).kpisOnly(), common.threads(), "discover", err,
                    (store, id) -> kpis.putAll(store.kpiColumns(id, expr.metrics(), plan.size())));
        } catch (Exception e) {
            throw folder.failed(e);
        }
        if (code != 0) {
            return code;
        }
        double[][] x = new double[plan.size()][uncertain.size()];
        for (int i = 0; i < plan.size(); i++) {
            for (int j = 0; j < uncertain.size(); j++) {
                x[i][j] = plan.runs().get(i).parameters()[uncertain.get(j).ordinal()];
            }
        }
        List<String> names = uncertain.stream().map(Param::key).toList();
        double[] y = expr.evaluate(kpis);
        PrimResult result = Prim.discover(PrimData.of(names, x, y), options);
        double secs = (System.nanoTime() - t0) / 1e9;
        print(out, sc, result);
        try {
            write(dir, sc, result, secs, sweep.id());
        } catch (Exception e) {
            throw folder.failed(e);
        }
        out.printf(Locale.ROOT, "%d runs in %.1f s; results in %s%n", plan.size(), secs, dir);
        return 0;
    }

    private void print(PrintWriter out, Scenario sc, PrimResult r) {
        out.println();
        out.printf(Locale.ROOT, "%s: \"%s\" holds in %d of %d runs (%.1f%%)%s%n", sc.id(), outcome, r.cases(), r.used(),
                100.0 * r.cases() / Math.max(1, r.used()), r.missing() > 0 ? "; " + r.missing() + " failed runs left out" : "");
        if (r.cases() == 0 || r.cases() == r.used()) {
            out.println("No box to find: the outcome " + (r.cases() == 0 ? "never" : "always") + " holds over the scenario's ranges.");
            return;
        }
        int k = 1;
        for (DiscoveredBox b : r.boxes()) {
            PrimBox box = b.box();
            out.println();
            out.printf(Locale.ROOT, "Box %d: coverage %.2f (share of the outcome's runs inside), density %.2f (share of the box's runs"
                    + " with the outcome), mass %.2f%s%n", k++, box.coverage(), box.density(), box.mass(),
                    b.byTarget() ? "" : " — below the target density");
            out.printf(Locale.ROOT, "  %-36s %14s %14s %10s %10s%n", "parameter", "from", "to", "removes", "quasi-p");
            for (Restriction rs : box.restrictions()) {
                out.printf(Locale.ROOT, "  %-36s %14s %14s %10d %10.3g%n", rs.name(), rs.lowerRestricted() ? fmt(rs.lower()) : "(any)",
                        rs.upperRestricted() ? fmt(rs.upper()) : "(any)", rs.removed(), rs.quasiPValue());
            }
            out.println("  Peeling trajectory (coverage/density trade-off; the chosen box is marked *):");
            PeelingTrajectory tr = b.trajectory();
            for (PeelingTrajectory.TradeOffRow row : tr.tradeOff()) {
                if (row.index() % Math.max(1, tr.size() / 12) == 0 || row.index() == b.chosenIndex() || row.index() == tr.size() - 1) {
                    out.printf(Locale.ROOT, "   %s%3d  coverage %.2f  density %.2f  mass %.2f  restricted %d%n",
                            row.index() == b.chosenIndex() ? "*" : " ", row.index(), row.coverage(), row.density(), row.mass(),
                            row.restrictedDimensions());
                }
            }
        }
        out.println();
        out.println("Boxes describe this model under the scenario's stated ranges; they are not claims about the world.");
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return RunCommand.human(v); // "n/a" or "not finite", never "NaN" or "Infinity"
        }
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private void write(Path dir, Scenario sc, PrimResult r, double secs, String sweepId) throws Exception {
        StringBuilder sb = new StringBuilder("box,coverage,density,mass,parameter,lower,upper,lower_restricted,upper_restricted,removed,quasi_p\n");
        int k = 1;
        for (DiscoveredBox b : r.boxes()) {
            PrimBox box = b.box();
            for (Restriction rs : box.restrictions()) {
                sb.append(k).append(',').append(box.coverage()).append(',').append(box.density()).append(',').append(box.mass()).append(',')
                        .append(rs.name()).append(',').append(rs.lower()).append(',').append(rs.upper()).append(',')
                        .append(rs.lowerRestricted()).append(',').append(rs.upperRestricted()).append(',').append(rs.removed()).append(',')
                        .append(rs.quasiPValue()).append('\n');
            }
            k++;
        }
        org.resolve.store.AtomicFiles.write(dir.resolve("discover.csv"), sb.toString());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("scenario", sc.id());
        meta.put("scenario_hash", sc.hash());
        meta.put("model_version", ModelVersion.get());
        meta.put("sweep_id", sweepId);
        meta.put("results_store", RunCommand.STORE);
        meta.put("outcome", outcome);
        meta.put("design", "lhs");
        meta.put("runs", n);
        meta.put("root_seed", common.seed);
        meta.put("mode", mode.key());
        meta.put("cases", r.cases());
        meta.put("missing", r.missing());
        meta.put("target_density", density);
        meta.put("peel_alpha", peel);
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(secs * 1000) / 1000.0);
        meta.put("intended_use", sc.intendedUse());
        org.resolve.store.AtomicFiles.write(dir.resolve("meta.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
    }
}
