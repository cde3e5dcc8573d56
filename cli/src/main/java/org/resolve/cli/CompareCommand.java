package org.resolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resolve.analysis.Comparison;
import org.resolve.analysis.KpiSummary;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.Engine;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.Mode;
import org.resolve.core.scenario.DidYouMean;
import org.resolve.core.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve compare A B ...}: scenarios under common random numbers, differences with intervals. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run scenarios with common random numbers and report each KPI's difference from the first.",
            "Replication i of every scenario uses the same seed, so differences are the scenarios', not chance's.",
            "Example: resolve compare kursk-2024 kursk-2024-persuasion  (what the campaign changes)"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Two or more bundled ids or files; the first is the baseline.")
    List<String> scenarios;

    @Option(names = "--mode", defaultValue = "agent", paramLabel = "agent|aggregate", description = "Engine (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--replications", defaultValue = "200", paramLabel = "N",
            description = "Replications per scenario, 2 or more, at most " + Bounds.MAX_RUNS + " runs in all (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--metrics", split = ",", paramLabel = "M,...", description = "KPIs to show (default: the headline ones); all are written with --out.")
    List<String> metrics;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write compare.csv and meta.json here.")
    Path outDir;

    @Mixin
    SweepOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications < 2) {
            throw new UserError("--replications must be at least 2 for an interval, not " + replications);
        }
        Bounds.runs("--replications " + replications + " for " + scenarios.size() + " scenarios", (long) replications * scenarios.size());
        if (!(confidence > 0 && confidence < 1)) {
            throw new UserError("--confidence must be between 0 and 1, not " + confidence);
        }
        common.validate();
        long seed = common.seed;
        List<Metric> shown = new ArrayList<>();
        if (metrics == null) {
            shown.addAll(KpiSummary.HEADLINE);
        } else {
            List<String> keys = new ArrayList<>();
            for (Metric m : Metric.values()) {
                keys.add(m.key());
            }
            for (String k : metrics) {
                Metric m = Metric.byKey(k.trim());
                if (m == null) {
                    String hint = DidYouMean.suggest(k.trim(), keys);
                    throw new UserError("--metrics: unknown metric '" + k + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                            + "; expected names from docs/METRICS.md");
                }
                shown.add(m);
            }
        }
        if (outDir != null && Files.exists(outDir.resolve("compare.csv"))) {
            throw new UserError("--out " + outDir + " already holds a comparison (compare.csv); choose another folder or remove it");
        }
        List<Scenario> scs = new ArrayList<>();
        for (String ref : scenarios) {
            scs.add(common.load(ref));
        }
        for (Scenario sc : scs) {
            if (sc.days() != scs.get(0).days() || !sc.start().equals(scs.get(0).start())) {
                throw new UserError("scenarios " + scs.get(0).id() + " and " + sc.id()
                        + " cover different periods; expected the same start and horizon (use --days)");
            }
        }
        int nThreads = common.threads();
        // Held at once: one scenario's plan, every run's KPIs, and each worker's runs in flight.
        Bounds.memory("--replications " + replications + " for " + scs.size() + " scenarios with " + nThreads + " threads",
                replications * Bounds.PLAN_BYTES_PER_RUN + (long) replications * scs.size() * (8L * Metric.COUNT + 24)
                        + Bounds.inFlightBytes(nThreads, 1));
        Engine engine = common.engine(mode).kpisOnly();
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        long t0 = System.nanoTime();
        Comparison.Result res;
        try (Progress progress = new Progress("compare (" + mode.key() + ")", replications * scs.size(), err, terminal)) {
            res = Comparison.run(scs, engine, replications, seed, nThreads, confidence, progress::update);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        print(out, res, shown, scs);
        if (!res.failures().isEmpty()) {
            out.printf(Locale.ROOT, "%n%d run(s) failed; their pairs are left out:%n", res.failures().size());
            res.failures().stream().limit(5).forEach(f -> out.println("  " + f));
        }
        out.printf(Locale.ROOT, "%d runs in %.1f s%n", replications * scs.size(), secs);
        if (outDir != null) {
            OutputFolder folder = OutputFolder.before(outDir);
            try {
                write(outDir, res, scs, secs);
            } catch (Exception e) {
                throw folder.failed(e);
            }
            out.println("results in " + outDir);
        }
        return 0;
    }

    private void print(PrintWriter out, Comparison.Result res, List<Metric> shown, List<Scenario> scs) {
        int pct = (int) Math.round(confidence * 100);
        for (int s = 1; s < scs.size(); s++) {
            String id = scs.get(s).id();
            out.println();
            out.printf(Locale.ROOT, "%s minus %s, at the horizon, paired over %d replications (common random numbers):%n",
                    id, scs.get(0).id(), replications);
            out.printf(Locale.ROOT, "  %-22s %12s %12s %12s   %-25s %-25s%n", "outcome", "baseline", "scenario", "difference",
                    pct + "% interval of mean", "5-95% of differences");
            for (Metric m : shown) {
                for (Comparison.Row r : res.rows()) {
                    if (r.metric() == m && r.scenario().equals(id)) {
                        out.printf(Locale.ROOT, "  %-22s %12s %12s %12s   %-25s %-25s%n", m.key(), RunCommand.human(r.baselineMean()),
                                RunCommand.human(r.scenarioMean()), signed(r.meanDifference()),
                                "[" + signed(r.ciLow()) + ", " + signed(r.ciHigh()) + "]",
                                "[" + signed(r.q05()) + ", " + signed(r.q95()) + "]");
                    }
                }
            }
            explain(out, res, id, pct);
            for (Comparison.Row r : res.rows()) {
                if (r.metric() == Metric.KILLED && r.scenario().equals(id) && r.pairs() > 1) {
                    double saved = -r.meanDifference();
                    out.printf(Locale.ROOT, "  In plain words: %s %s lives on average (%d%% interval %s to %s) under these assumptions.%n",
                            saved >= 0 ? "saves" : "costs", RunCommand.human(Math.abs(saved)), pct,
                            RunCommand.human(saved >= 0 ? -r.ciHigh() : r.ciLow()), RunCommand.human(saved >= 0 ? -r.ciLow() : r.ciHigh()));
                }
            }
        }
        out.println();
        out.println("Differences explore stated assumptions; they are not predictions.");
    }

    /**
     * The mechanisms a difference passes through, in causal order: who the campaign reaches, what
     * they come to doubt and know, what they then decide (surrender by choice or at capture, leave,
     * kill themselves, keep their heads down) and what that does to the headline outcomes.
     */
    static final List<Metric[]> MECHANISMS = List.of(
            new Metric[] {Metric.REACHED}, new Metric[] {Metric.KNOWS_PROCEDURE}, new Metric[] {Metric.MEAN_DOUBT_FRONT},
            new Metric[] {Metric.SURRENDERED_BY_CHOICE}, new Metric[] {Metric.SURRENDERED, Metric.SURRENDERED_BY_CHOICE},
            new Metric[] {Metric.DESERTED}, new Metric[] {Metric.SELF_KILLED}, new Metric[] {Metric.CAPTURED},
            new Metric[] {Metric.WOUNDED}, new Metric[] {Metric.KILLED});

    private static final Map<Metric, String> WHY = Map.of(
            Metric.REACHED, "campaign contacts (a soldier reached twice counts twice)",
            Metric.KNOWS_PROCEDURE, "soldiers in theatre who know a safe way to surrender (at the horizon)",
            Metric.MEAN_DOUBT_FRONT, "mean doubt of soldiers in the sector (at the horizon)",
            Metric.SURRENDERED_BY_CHOICE, "surrendered by choice, outside a capture situation",
            Metric.SURRENDERED, "surrendered when caught in a capture situation",
            Metric.DESERTED, "left their positions (hunger and doubt)",
            Metric.SELF_KILLED, "killed themselves rather than be taken",
            Metric.CAPTURED, "taken prisoner without surrendering",
            Metric.WOUNDED, "soldiers wounded (doubters keep their heads down)",
            Metric.KILLED, "killed (all causes)");

    /** Prints how the difference arises, mechanism by mechanism, where a mechanism differs at all. */
    private static void explain(PrintWriter out, Comparison.Result res, String id, int pct) {
        List<String> lines = new ArrayList<>();
        for (Metric[] m : MECHANISMS) {
            Comparison.Row a = row(res, id, m[0]);
            Comparison.Row b = m.length > 1 ? row(res, id, m[1]) : null;
            if (a == null || (b == null && m.length > 1)) {
                continue;
            }
            double diff = a.meanDifference() - (b == null ? 0 : b.meanDifference());
            double base = a.baselineMean() - (b == null ? 0 : b.baselineMean());
            if (diff == 0 && base == 0) {
                continue;
            }
            boolean clear = b == null && (a.ciLow() > 0 || a.ciHigh() < 0);
            String fmt = m[0] == Metric.MEAN_DOUBT_FRONT ? String.format(Locale.ROOT, "%+.3f", diff) : signed(diff);
            lines.add(String.format(Locale.ROOT, "  %-12s %s%s", fmt, WHY.get(m[0]),
                    b != null ? "" : clear ? "" : " (no clear difference: the " + pct + "% interval crosses zero)"));
        }
        if (!lines.isEmpty()) {
            out.println("  How the difference arises (mean differences, in causal order):");
            lines.forEach(out::println);
        }
    }

    private static Comparison.Row row(Comparison.Result res, String id, Metric m) {
        for (Comparison.Row r : res.rows()) {
            if (r.metric() == m && r.scenario().equals(id)) {
                return r;
            }
        }
        return null;
    }

    private static String signed(double v) {
        return org.resolve.report.Format.signed(v);
    }

    private void write(Path dir, Comparison.Result res, List<Scenario> scs, double secs) throws Exception {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("metric,scenario,baseline,pairs,baseline_mean,scenario_mean,mean_difference,ci_low,ci_high,"
                + "median_difference,q05_difference,q95_difference,share_greater\n");
        for (Comparison.Row r : res.rows()) {
            sb.append(r.metric().key()).append(',').append(r.scenario()).append(',').append(r.baseline()).append(',').append(r.pairs());
            for (double v : new double[] {r.baselineMean(), r.scenarioMean(), r.meanDifference(), r.ciLow(), r.ciHigh(),
                r.medianDifference(), r.q05(), r.q95(), r.shareGreater()}) {
                sb.append(',');
                Csv.number(sb, v);
            }
            sb.append('\n');
        }
        org.resolve.store.AtomicFiles.write(dir.resolve("compare.csv"), sb.toString());
        Map<String, Object> meta = new LinkedHashMap<>();
        List<Map<String, String>> list = new ArrayList<>();
        for (Scenario sc : scs) {
            list.add(Map.of("id", sc.id(), "hash", sc.hash()));
        }
        meta.put("scenarios", list);
        meta.put("model_version", ModelVersion.get());
        meta.put("root_seed", common.seed);
        meta.put("mode", mode.key());
        meta.put("replications", replications);
        meta.put("days", scs.get(0).days());
        meta.put("confidence", confidence);
        meta.put("common_random_numbers", true);
        meta.put("failed_runs", res.failures());
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(secs * 1000) / 1000.0);
        org.resolve.store.AtomicFiles.write(dir.resolve("meta.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
    }
}
