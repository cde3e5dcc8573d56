package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.KpiSummary;
import org.resolve.analysis.RunPlan;
import org.resolve.analysis.design.ParameterSpace;
import org.resolve.analysis.sensitivity.MorrisEffect;
import org.resolve.analysis.sensitivity.MorrisResult;
import org.resolve.analysis.sensitivity.SensitivityOptions;
import org.resolve.analysis.sensitivity.SensitivityStudy;
import org.resolve.analysis.sensitivity.SobolIndex;
import org.resolve.analysis.sensitivity.SobolResult;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Scenario;
import org.resolve.store.EngineSpec;
import org.resolve.store.SensitivityFiles;
import org.resolve.store.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve sensitivity}: which uncertain parameters drive which outcomes (Morris or Sobol). */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which uncertain parameters drive the outcomes (Morris screening or Sobol indices).",
            "Morris gives mu*, mu and sigma; Sobol gives first-order and total indices (second order on",
            "request) with bootstrap intervals.",
            "The factors are the scenario's uncertain parameters (those with a distribution), or groups of them."})
public final class SensitivityCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "kursk-2024", paramLabel = "SCENARIO",
            description = "A bundled id or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--method", defaultValue = "sobol", paramLabel = "morris|sobol", description = "Method (default: ${DEFAULT-VALUE}).")
    SensitivityStudy.Method method;

    @Option(names = "--n", paramLabel = "N", description = "Sobol: base sample size N (runs = N x (factors + 2)); Morris: trajectories (runs = N x (factors + 1)); "
            + "2 or more, at most " + Bounds.MAX_RUNS + " runs in all. Default 512 for Sobol, 20 for Morris.")
    Integer n;

    @Option(names = "--levels", defaultValue = "4", paramLabel = "P",
            description = "Morris: grid levels, even, 2 to " + Bounds.MAX_LEVELS + " (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--second-order", description = "Sobol: also second-order indices (runs = N x (2 factors + 2)).")
    boolean secondOrder;

    @Option(names = "--group", paramLabel = "NAME=P1,P2,...", description = "Treat parameters as one factor (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--outputs", split = ",", paramLabel = "M,...", description = "Outcomes to analyse (default: the headline KPIs).")
    List<String> outputs;

    @Option(names = "--mode", defaultValue = "aggregate", paramLabel = "agent|aggregate",
            description = "Engine (default: ${DEFAULT-VALUE}: deterministic given the parameters, so indices carry no simulation noise).")
    Mode mode;

    @Option(names = "--common-seed", description = "Agent mode: one seed for every run (common random numbers across design points).")
    boolean commonSeed;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Bootstrap interval level, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--resamples", defaultValue = "1000", paramLabel = "B",
            description = "Bootstrap resamples, 0 (none) to " + Bounds.MAX_RESAMPLES + " (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder: results.duckdb (the runs' KPIs), sensitivity.csv, meta.json (default: results/<scenario>-<method>-<time>).")
    Path outDir;

    @Option(names = "--resume", description = "Continue an interrupted analysis in --out DIR (same command otherwise).")
    boolean resume;

    @Mixin
    SweepOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int size = n != null ? n : method == SensitivityStudy.Method.SOBOL ? SensitivityStudy.DEFAULT_SOBOL_N : SensitivityStudy.DEFAULT_MORRIS_TRAJECTORIES;
        Bounds.check("--n", size, 2, Bounds.MAX_RUNS);
        if (method == SensitivityStudy.Method.MORRIS && (levels < 2 || levels > Bounds.MAX_LEVELS || levels % 2 != 0)) {
            throw new UserError("--levels must be an even number between 2 and " + Bounds.MAX_LEVELS + ", not " + levels);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new UserError("--confidence must be between 0 and 1, not " + confidence);
        }
        Bounds.check("--resamples", resamples, 0, Bounds.MAX_RESAMPLES);
        common.validate();
        long seed = common.seed;
        List<Metric> metrics = metrics();
        Scenario sc = common.load(scenario);
        if (sc.uncertainParameters().isEmpty()) {
            throw new UserError("scenario " + sc.id() + " has no uncertain parameter; give some a distribution");
        }
        Map<String, List<Param>> factorGroups = groups.isEmpty() ? Map.of() : groups(sc);
        // The design's size, known from the factors before the design is built (it holds every run).
        int factors = (factorGroups.isEmpty() ? ParameterSpace.of(sc) : ParameterSpace.grouped(sc, factorGroups)).groups().size();
        long perRow = method == SensitivityStudy.Method.MORRIS ? factors + 1L : secondOrder ? 2L * factors + 2 : factors + 2L;
        Bounds.runs("--n " + size + " (" + perRow + " runs each, " + factors + " factors)", size * perRow);
        Bounds.memory("--n " + size + " (" + perRow + " runs each)", size * perRow * (Bounds.PLAN_BYTES_PER_RUN
                + 8L * (metrics.size() + factors)) + Bounds.inFlightBytes(common.threads(), 1));
        SensitivityStudy study = SensitivityStudy.create(sc, method, size, levels, secondOrder, factorGroups, seed, commonSeed);
        ParameterSpace space = study.space();
        RunPlan plan = study.plan();
        int nThreads = common.threads();
        Engine engine = common.engine(mode).kpisOnly();
        // A failed run has no KPIs: its outcomes stay NaN, and the estimators exclude its base row and report it.
        Map<String, double[]> outcomes = new LinkedHashMap<>();
        List<String> keys = metrics.stream().map(Metric::key).toList();
        int[] failed = {0};
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        long t0 = System.nanoTime();
        Path dir = SweepOptions.output(outDir, sc.id(), method.name().toLowerCase(Locale.ROOT));
        StoredSweep.checkFolder(dir, resume, List.of(RunCommand.STORE));
        EngineSpec engineSpec = mode == Mode.AGENT ? EngineSpec.agent() : EngineSpec.aggregate(common.bins);
        Sweep sweep = Sweep.of(sc, plan, engineSpec, Main.commandLine(spec));
        err.printf(Locale.ROOT, "%s of %s: %d factors, %d runs (%s mode), stored in %s%n", method.name().toLowerCase(Locale.ROOT),
                sc.id(), space.groups().size(), plan.size(), mode.key(), dir.resolve(RunCommand.STORE));
        OutputFolder folder = OutputFolder.before(dir);
        int code;
        try {
            code = StoredSweep.execute(dir, resume, sweep, engine, nThreads, method.name().toLowerCase(Locale.ROOT), err,
                    (store, id) -> {
                        outcomes.putAll(store.kpiColumns(id, keys, plan.size()));
                        failed[0] = (int) store.counts(id).failedRuns();
                    });
        } catch (Exception e) {
            throw folder.failed(e);
        }
        if (code != 0) {
            return code;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        SensitivityOptions opts = SensitivityOptions.withSeed(seed).withConfidenceLevel(confidence).withResamples(resamples);
        SensitivityStudy.Results results = study.analyse(outcomes, opts);
        for (SobolResult r : results.sobol()) {
            printSobol(out, r);
        }
        for (MorrisResult r : results.morris()) {
            printMorris(out, r);
        }
        if (failed[0] > 0) {
            out.printf(Locale.ROOT, "%n%d of %d runs failed; their base rows are left out of the estimates (counted as excluded above).%n",
                    failed[0], plan.size());
        }
        out.printf(Locale.ROOT, "%n%d runs in %.1f s. Indices describe this model under the scenario's stated ranges, not the world.%n",
                plan.size(), secs);
        try {
            SensitivityFiles.write(dir, sc, study, results, sweep.id(), seed, mode.key(), opts, failed[0], secs);
        } catch (Exception e) {
            throw folder.failed(e);
        }
        out.println("results in " + dir);
        return 0;
    }

    private List<Metric> metrics() {
        if (outputs == null) {
            return KpiSummary.HEADLINE;
        }
        List<String> keys = new ArrayList<>();
        for (Metric m : Metric.values()) {
            keys.add(m.key());
        }
        List<Metric> list = new ArrayList<>();
        for (String k : outputs) {
            Metric m = Metric.byKey(k.trim());
            if (m == null) {
                String hint = DidYouMean.suggest(k.trim(), keys);
                throw new UserError("--outputs: unknown metric '" + k + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; expected names from docs/METRICS.md");
            }
            list.add(m);
        }
        return list;
    }

    private Map<String, List<Param>> groups(Scenario sc) {
        Map<String, List<Param>> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Param p : sc.uncertainParameters()) {
            names.add(p.key());
        }
        for (String g : groups) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new UserError("--group " + g + ": expected NAME=PARAM1,PARAM2,...");
            }
            List<Param> ps = new ArrayList<>();
            for (String k : g.substring(eq + 1).split(",")) {
                Param p = Param.byKey(k.trim());
                if (p == null || !sc.uncertainParameters().contains(p)) {
                    String hint = DidYouMean.suggest(k.trim(), names);
                    throw new UserError("--group " + g + ": '" + k + "' is not an uncertain parameter of " + sc.id()
                            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                }
                ps.add(p);
            }
            out.put(g.substring(0, eq).trim(), ps);
        }
        return out;
    }

    private static void printSobol(PrintWriter out, SobolResult r) {
        out.println();
        out.printf(Locale.ROOT, "%s: Sobol indices (%d base rows used, %d excluded%s)%n", r.metric(), r.nUsed(), r.nExcluded(),
                r.reliable() ? "" : "; UNRELIABLE: " + r.warning());
        out.printf(Locale.ROOT, "  %-40s %18s %18s%n", "factor", "first order [CI]", "total [CI]");
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < r.first().size(); g++) {
            order.add(g);
        }
        order.sort(Comparator.comparingDouble((Integer g) -> -r.total(g).value()));
        for (int g : order) {
            SobolIndex f = r.first(g);
            SobolIndex t = r.total(g);
            out.printf(Locale.ROOT, "  %-40s %18s %18s%n", f.factor(), ci(f.value(), f.ciLow(), f.ciHigh()), ci(t.value(), t.ciLow(), t.ciHigh()));
        }
        for (SobolIndex s : r.second()) {
            if (Math.abs(s.value()) >= 0.01) {
                out.printf(Locale.ROOT, "  S2 %-37s %18s%n", s.factor() + " x " + s.other(), ci(s.value(), s.ciLow(), s.ciHigh()));
            }
        }
    }

    private static void printMorris(PrintWriter out, MorrisResult r) {
        out.println();
        out.printf(Locale.ROOT, "%s: Morris elementary effects%s%n", r.metric(), r.reliable() ? "" : " (UNRELIABLE: " + r.warning() + ")");
        out.printf(Locale.ROOT, "  %-40s %24s %14s %14s%n", "factor", "mu* [CI]", "mu", "sigma");
        for (MorrisEffect e : r.ranking()) {
            out.printf(Locale.ROOT, "  %-40s %24s %14s %14s%n", e.factor(), ci(e.muStar(), e.muStarCiLow(), e.muStarCiHigh()),
                    RunCommand.human(e.mu()), RunCommand.human(e.sigma()));
        }
    }

    private static String ci(double v, double lo, double hi) {
        if (Double.isNaN(lo)) {
            return fmt(v);
        }
        return fmt(v) + " [" + fmt(lo) + ", " + fmt(hi) + "]";
    }

    private static String fmt(double v) {
        return org.resolve.report.Format.index(v);
    }
}
