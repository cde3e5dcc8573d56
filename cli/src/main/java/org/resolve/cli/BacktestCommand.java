package org.resolve.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.resolve.analysis.calibration.Claimants;
import org.resolve.analysis.calibration.MeasurementModel;
import org.resolve.analysis.calibration.ModelValue;
import org.resolve.analysis.calibration.ScenarioCalibration;
import org.resolve.analysis.calibration.abc.Particle;
import org.resolve.analysis.scoring.Ensemble;
import org.resolve.analysis.scoring.ForecastScore;
import org.resolve.analysis.scoring.IntervalScore;
import org.resolve.analysis.scoring.Outcome;
import org.resolve.core.engine.Metric;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.BundledLedgers;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;
import org.resolve.store.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve backtest}: calibrate up to a cut-off, forecast past it, score every later report. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Calibrate on the reports known by --cutoff, forecast past it, and score every later report.",
            "Scores: inside the 50% and 90% predictive intervals, the 90% interval score and the CRPS, in the",
            "claimant's terms (bias included), against two naive baselines: the last reported daily rate",
            "extrapolated, and no further change."})
public final class BacktestCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "kursk-2024", paramLabel = "SCENARIO",
            description = "A bundled id or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--observations", required = true, paramLabel = "FILE|ID", description = "The observation ledger: a CSV file (see docs/OBSERVATIONS.md) or a bundled id (kursk-2024; resolve observations lists them).")
    String observations;

    @Option(names = "--cutoff", required = true, paramLabel = "DATE", description = "Calibrate on what was known by this date.")
    String cutoffText;

    @Option(names = "--particles", defaultValue = "300", paramLabel = "N",
            description = "Calibration particles, 10 to " + Bounds.MAX_PARTICLES + " (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--draws", defaultValue = "400", paramLabel = "M",
            description = "Predictive draws per report, 20 to " + Bounds.MAX_DRAWS + " (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write backtest.csv and a results.duckdb table here.")
    Path outDir;

    @Mixin
    SweepOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        common.validate();
        Bounds.check("--particles", particles, 10, Bounds.MAX_PARTICLES);
        Bounds.check("--draws", draws, 20, Bounds.MAX_DRAWS);
        Scenario sc = common.load(scenario);
        LocalDate cutoff = CalibrateCommand.cutoff(sc, cutoffText);
        ObservationLedger ledger = BundledLedgers.read(observations);
        LocalDate end = sc.start().plusDays(sc.days() - 1L);
        List<Observation> later = new ArrayList<>();
        for (Observation o : ledger.calibrationTargets()) {
            if (o.date().isAfter(cutoff) && !o.date().isAfter(end)) {
                later.add(o);
            }
        }
        if (later.isEmpty()) {
            throw new UserError("no report in " + observations + " is dated after " + cutoff + " within the horizon; expected an earlier --cutoff");
        }
        LocalDate lastLater = later.stream().map(Observation::date).max(LocalDate::compareTo).orElseThrow();
        // Each draw's whole run is held, its daily series up to the last report scored.
        Bounds.memory("--draws " + draws, (long) draws * Metric.COUNT * 8L * (ChronoUnit.DAYS.between(sc.start(), lastLater) + 1));
        err.printf(Locale.ROOT, "backtest of %s: calibrating on reports known by %s, scoring %d later reports%n", sc.id(), cutoff, later.size());
        ScenarioCalibration.Calibrated cal = CalibrateCommand.run(sc, ledger, cutoff, particles, 60, common, org.resolve.core.engine.Mode.AGGREGATE);
        ScenarioCalibration c = cal.calibration();
        LocalDate last = lastLater;
        Scenario sim = sc.with(Map.of(), (int) ChronoUnit.DAYS.between(sc.start(), last) + 1);
        UniformRandomProvider rng = Streams.derive(common.seed, 0xBAC7L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<Particle> sample = cal.posterior().resample(draws, rng);
        List<RunResult> runs = new ArrayList<>();
        List<MeasurementModel> models = new ArrayList<>();
        for (Particle p : sample) {
            runs.add(c.simulate(p.theta(), sim));
            MeasurementModel m = c.model(p.theta());
            for (Observation o : later) {
                String k = Claimants.key(o.claimant());
                if (!c.claimants().contains(k) && !m.claimants().containsKey(k)) {
                    // A claimant not seen before the cut-off: its bias comes from the prior.
                    m = m.withBias(k, Math.exp(c.priors().biasLogSd() * z.sample()));
                }
            }
            models.add(m);
        }
        List<Observation> known = ledger.publishedBy(cutoff).observations();
        StringBuilder csv = new StringBuilder("id,date,claimant,quantity,kind,low,high,q05,q25,q50,q75,q95,in50,in90,interval_score,crps,"
                + "linear_q05,linear_q50,linear_q95,linear_interval_score,none_q05,none_q50,none_q95,none_interval_score\n");
        out.println();
        out.printf(Locale.ROOT, "%-6s %-10s %-18s %-7s %16s %24s %5s %12s %12s %12s%n", "report", "date", "quantity", "kind", "reported",
                "model 90% (q50)", "in90", "CRPS", "CRPS linear", "CRPS none");
        double crpsSum = 0;
        double linSum = 0;
        double noneSum = 0;
        int linN = 0;
        int in50 = 0;
        int in90 = 0;
        for (Observation o : later) {
            double[] v = new double[sample.size()];
            for (int i = 0; i < v.length; i++) {
                double y = ModelValue.of(o, runs.get(i), sc.start());
                v[i] = models.get(i).sampleReport(Claimants.key(o.claimant()), o.kind(), Math.max(0, y), rng);
            }
            Ensemble e = Ensemble.of(v);
            Outcome outcome = outcome(o);
            ForecastScore s = ForecastScore.of(e, outcome);
            double[] lin = baseline(o, known, true);
            double[] none = baseline(o, known, false);
            crpsSum += s.crps();
            in50 += s.inside50() ? 1 : 0;
            in90 += s.inside90() ? 1 : 0;
            double linCrps = Double.NaN;
            double noneCrps = Double.NaN;
            if (lin != null) {
                linCrps = ForecastScore.of(Ensemble.of(new double[] {lin[0]}), outcome).crps();
                noneCrps = ForecastScore.of(Ensemble.of(new double[] {none[0]}), outcome).crps();
                linSum += linCrps;
                noneSum += noneCrps;
                linN++;
            }
            out.printf(Locale.ROOT, "%-6s %-10s %-18s %-7s %16s %24s %5s %12s %12s %12s%n", o.id(), o.date(), o.quantity().key(),
                    o.kind().name().toLowerCase(Locale.ROOT), reported(o), "[" + n(e.quantile(0.05)) + ", " + n(e.quantile(0.95)) + "] ("
                            + n(e.quantile(0.5)) + ")", s.inside90() ? "yes" : "no", n(s.crps()), n(linCrps), n(noneCrps));
            csv.append(Csv.quote(o.id())).append(',').append(o.date()).append(',').append(Csv.quote(o.claimant())).append(',')
                    .append(o.quantity().key()).append(',').append(o.kind().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(Double.isNaN(o.low()) ? "" : Double.toString(o.low())).append(',')
                    .append(Double.isNaN(o.high()) ? "" : Double.toString(o.high()));
            for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
                csv.append(',').append(e.quantile(q));
            }
            csv.append(',').append(s.inside50()).append(',').append(s.inside90()).append(',').append(s.intervalScore90()).append(',')
                    .append(s.crps());
            for (double[] b : new double[][] {lin, none}) {
                if (b == null) {
                    csv.append(",,,,");
                } else {
                    csv.append(',').append(b[0]).append(',').append(b[0]).append(',').append(b[0]).append(',')
                            .append(IntervalScore.of(Ensemble.of(new double[] {b[0]}), 0.1, outcome));
                }
            }
            csv.append('\n');
        }
        out.println();
        out.printf(Locale.ROOT, "Model: %d of %d reports inside the 90%% interval, %d inside the 50%%; mean CRPS %s.%n", in90, later.size(), in50,
                n(crpsSum / later.size()));
        if (linN > 0) {
            out.printf(Locale.ROOT, "Baselines on the %d reports with an earlier report of the same quantity: mean CRPS linear %s, none %s%n"
                    + "(model on all %d: %s).%n", linN, n(linSum / linN), n(noneSum / linN), later.size(), n(crpsSum / later.size()));
        }
        out.println("Scores are in the claimants' terms (bias included); lower is better. A backtest checks this model against");
        out.println("what was reported later; it does not make the model a forecaster.");
        if (outDir != null) {
            OutputFolder folder = OutputFolder.before(outDir);
            try {
                Files.createDirectories(outDir);
                Path file = outDir.resolve("backtest.csv");
                org.resolve.store.AtomicFiles.write(file, csv.toString());
                try (ResultsStore store = ResultsStore.open(outDir.resolve(RunCommand.STORE))) {
                    store.putTable("backtest", file, "DATE '" + cutoff + "' AS cutoff, '" + sc.id().replace("'", "''")
                            + "' AS scenario_id, '" + sc.hash() + "' AS scenario_hash, " + sc.days() + " AS days");
                }
            } catch (Exception e) {
                throw folder.failed(e);
            }
            out.println("results in " + outDir);
        }
        return 0;
    }

    private static Outcome outcome(Observation o) {
        return switch (o.kind()) {
            case POINT, APPROX -> Outcome.exact(o.low());
            case LOWER -> Outcome.atLeast(o.low());
            case UPPER -> Outcome.atMost(o.high());
            case RANGE -> Outcome.between(o.low(), o.high());
        };
    }

    private static String reported(Observation o) {
        return switch (o.kind()) {
            case POINT, APPROX -> n(o.low());
            case LOWER -> ">= " + n(o.low());
            case UPPER -> "<= " + n(o.high());
            case RANGE -> n(o.low()) + "-" + n(o.high());
        };
    }

    /**
     * A naive forecast from the reports of the same quantity known by the cut-off: the last value
     * plus, for the linear baseline, the last reported daily rate times the days since (from the
     * last two reports, or from the start when there is one). Null when nothing was reported.
     */
    private static double[] baseline(Observation target, List<Observation> known, boolean linear) {
        List<Observation> same = new ArrayList<>();
        for (Observation o : known) {
            if (o.quantity() == target.quantity() && !Double.isNaN(figure(o)) && o.date().isBefore(target.date())) {
                same.add(o);
            }
        }
        if (same.isEmpty()) {
            return null;
        }
        same.sort(java.util.Comparator.comparing(Observation::date));
        Observation lastObs = same.get(same.size() - 1);
        double lastValue = figure(lastObs);
        if (!linear) {
            return new double[] {lastValue};
        }
        double rate = 0;
        if (same.size() >= 2) {
            Observation prev = same.get(same.size() - 2);
            long days = ChronoUnit.DAYS.between(prev.date(), lastObs.date());
            rate = days > 0 ? (lastValue - figure(prev)) / days : 0;
        }
        long ahead = ChronoUnit.DAYS.between(lastObs.date(), target.date());
        return new double[] {Math.max(0, lastValue + rate * ahead)};
    }

    /** A report's figure for the baselines: its value, its bound, or a range's midpoint. */
    private static double figure(Observation o) {
        return switch (o.kind()) {
            case POINT, APPROX, LOWER -> o.low();
            case UPPER -> o.high();
            case RANGE -> (o.low() + o.high()) / 2;
        };
    }

    private static String n(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return RunCommand.human(v); // "not finite", never "Infinity"
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
