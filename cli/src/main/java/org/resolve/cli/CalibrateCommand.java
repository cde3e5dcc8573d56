package org.resolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.analysis.calibration.ModelValue;
import org.resolve.analysis.calibration.ScenarioCalibration;
import org.resolve.analysis.calibration.abc.Generation;
import org.resolve.analysis.calibration.abc.Particle;
import org.resolve.analysis.scoring.Ensemble;
import org.resolve.core.ModelVersion;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.BundledLedgers;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resolve calibrate}: the scenario's uncertain parameters and the claimants' biases, fitted to dated reports. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Calibrate a scenario's uncertain parameters and each claimant's bias to dated reports (tempered SMC).",
            "Uses the reports published and dated by --until; prints posterior summaries and the fit per report,",
            "and writes the weighted particles and a calibrated scenario that run, compare and sensitivity take."})
public final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "kursk-2024", paramLabel = "SCENARIO",
            description = "A bundled id or file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--observations", required = true, paramLabel = "FILE|ID", description = "The observation ledger: a CSV file (see docs/OBSERVATIONS.md) or a bundled id (kursk-2024; resolve observations lists them).")
    String observations;

    @Option(names = "--until", paramLabel = "DATE", description = "Knowledge date (default: the scenario's knowledge date).")
    String until;

    @Option(names = "--particles", defaultValue = "300", paramLabel = "N",
            description = "Particles per generation, 10 to " + Bounds.MAX_PARTICLES + " (default: ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--generations", defaultValue = "60", paramLabel = "G",
            description = "Most tempering stages, 1 to " + Bounds.MAX_GENERATIONS + " (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--mode", defaultValue = "aggregate", paramLabel = "agent|aggregate",
            description = "Engine (default: ${DEFAULT-VALUE}; agent mode uses one seed for every particle and costs far more, see docs/PERFORMANCE.md).")
    org.resolve.core.engine.Mode mode;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<scenario>-calibration-<time>).")
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
        Bounds.check("--generations", generations, 1, Bounds.MAX_GENERATIONS);
        Scenario sc = common.load(scenario);
        LocalDate cutoff = cutoff(sc, until);
        ObservationLedger ledger = BundledLedgers.read(observations);
        Path dir = SweepOptions.output(outDir, sc.id(), "calibration");
        if (Files.exists(dir.resolve("posterior.csv"))) {
            throw new UserError("--out " + dir + " already holds a calibration; choose another folder");
        }
        long t0 = System.nanoTime();
        err.printf(Locale.ROOT, "calibrating %s to %s up to %s: %d particles, at most %d tempering stages (%s mode)%n",
                sc.id(), observations, cutoff, particles, generations, mode.key());
        ScenarioCalibration.Calibrated cal = run(sc, ledger, cutoff, particles, generations, common, mode);
        double secs = (System.nanoTime() - t0) / 1e9;
        OutputFolder folder = OutputFolder.before(dir);
        Path yaml;
        try {
            Files.createDirectories(dir);
            report(out, cal, 90);
            writePosterior(dir, cal);
            writeFit(dir, cal, common.seed);
            printFit(out, dir);
            storeTables(dir);
            yaml = writeScenario(dir, cal, scenario, observations, cutoff);
            writeMeta(dir, cal, cutoff, secs);
        } catch (Exception e) {
            throw folder.failed(e);
        }
        out.printf(Locale.ROOT, "%n%d simulations in %.1f s (%s); results in %s%nCalibrated scenario: %s (use it with run, compare, sensitivity)%n",
                cal.smc().simulations(), secs, cal.smc().reachedOne() ? "reached the posterior" : "stopped before the posterior: raise --generations", dir, yaml);
        return 0;
    }

    static LocalDate cutoff(Scenario sc, String text) {
        if (text == null) {
            if (sc.knowledgeDate() == null) {
                throw new UserError("scenario " + sc.id() + " has no knowledge_date; give --until DATE");
            }
            return sc.knowledgeDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError("--until/--cutoff '" + text + "' is not a date; expected YYYY-MM-DD");
        }
    }

    static ScenarioCalibration.Calibrated run(Scenario sc, ObservationLedger ledger, LocalDate cutoff, int particles,
                                              int generations, SweepOptions common, org.resolve.core.engine.Mode mode) {
        if (sc.uncertainParameters().isEmpty()) {
            throw new UserError("scenario " + sc.id() + " has no uncertain parameter to calibrate");
        }
        try {
            return ScenarioCalibration.calibrate(sc, ledger, cutoff, new ScenarioCalibration.Options(particles, generations, 20,
                    common.threads(), common.seed, common.bins, null, mode));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Prints posterior summaries against the priors, and the claimants' biases. */
    static void report(PrintWriter out, ScenarioCalibration.Calibrated cal, int level) {
        ScenarioCalibration c = cal.calibration();
        Generation post = cal.posterior();
        double lo = (1 - level / 100.0) / 2;
        out.println();
        out.printf(Locale.ROOT, "Posterior of %d parameters from %d reports (%d known reports not used: no model output or outside the horizon):%n",
                c.calibratedParameters().size(), c.targets().observations().size(), c.ignored().size());
        out.printf(Locale.ROOT, "  %-34s %24s %34s%n", "parameter", "prior " + level + "%", "posterior median [" + level + "%]");
        List<Param> ps = c.calibratedParameters();
        double[] w = post.weights();
        List<Particle> parts = post.particles();
        for (int j = 0; j < ps.size(); j++) {
            var d = c.scenario().spec(ps.get(j)).distribution();
            double[] v = new double[parts.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = c.parameters(parts.get(i).theta())[ps.get(j).ordinal()]; // quantiles of values, not of coordinates
            }
            Ensemble e = Ensemble.weighted(v, w);
            out.printf(Locale.ROOT, "  %-34s %24s %34s%n", ps.get(j).key(),
                    "[" + fmt(prior(d, lo)) + ", " + fmt(prior(d, 1 - lo)) + "]",
                    fmt(e.quantile(0.5)) + " [" + fmt(e.quantile(lo)) + ", " + fmt(e.quantile(1 - lo)) + "]");
        }
        out.println("Claimants' multiplicative biases (reported / model value):");
        for (int k = 0; k < c.claimants().size(); k++) {
            int i = ps.size() + k;
            out.printf(Locale.ROOT, "  %-34s %24s %34s%n", c.claimants().get(k), "",
                    fmt(Math.exp(post.quantile(i, 0.5))) + " [" + fmt(Math.exp(post.quantile(i, lo))) + ", "
                            + fmt(Math.exp(post.quantile(i, 1 - lo))) + "]");
        }
        out.println("Claimants' noise (log-sd of a report around its biased value):");
        for (int k = 0; k < c.claimants().size(); k++) {
            int i = ps.size() + c.claimants().size() + k;
            out.printf(Locale.ROOT, "  %-34s %24s %34s%n", c.claimants().get(k), "",
                    fmt(Math.exp(post.quantile(i, 0.5))) + " [" + fmt(Math.exp(post.quantile(i, lo))) + ", "
                            + fmt(Math.exp(post.quantile(i, 1 - lo))) + "]");
        }
        out.printf(Locale.ROOT, "Effective sample size of the posterior: %.0f of %d particles%n", post.effectiveSampleSize(), parts.size());
        if (post.effectiveSampleSize() < 50) {
            out.println("WARNING: the posterior rests on few particles (effective sample size below 50): the intervals above");
            out.println("are too narrow to trust; use more --particles and --generations.");
        }
    }

    /** A prior quantile by sorting a fine grid of draws (a mixture's quantile map is not monotone). */
    private static double prior(org.resolve.core.scenario.Distribution d, double p) {
        double[] v = new double[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.quantile((i + 0.5) / v.length);
        }
        Arrays.sort(v);
        return v[(int) Math.round(p * (v.length - 1))];
    }

    /** Prints each report against the posterior predictive of the reported value (from fit.csv). */
    private static void printFit(PrintWriter out, Path dir) throws Exception {
        List<String> rows = Files.readAllLines(dir.resolve("fit.csv"));
        out.println();
        out.println("Fit per report (posterior predictive of the reported value, bias included):");
        out.printf(Locale.ROOT, "  %-6s %-10s %-20s %-7s %14s %28s%n", "report", "date", "quantity", "kind", "reported", "predicted median [90%]");
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            String low = f[5].isEmpty() ? "" : fmt(Double.parseDouble(f[5]));
            String high = f[6].isEmpty() ? "" : fmt(Double.parseDouble(f[6]));
            String reported = switch (f[4]) {
                case "lower" -> ">= " + low;
                case "upper" -> "<= " + high;
                case "range" -> low + "-" + high;
                default -> low;
            };
            out.printf(Locale.ROOT, "  %-6s %-10s %-20s %-7s %14s %28s%n", f[0].replace("\"", ""), f[1], f[3], f[4], reported,
                    fmt(Double.parseDouble(f[8])) + " [" + fmt(Double.parseDouble(f[7])) + ", " + fmt(Double.parseDouble(f[9])) + "]");
        }
    }

    /** Keeps the posterior and the fit in DIR/results.duckdb as tables, for reports. */
    private static void storeTables(Path dir) {
        try (org.resolve.store.ResultsStore store = org.resolve.store.ResultsStore.open(dir.resolve(RunCommand.STORE))) {
            store.putTable("posterior", dir.resolve("posterior.csv"), "");
            store.putTable("fit", dir.resolve("fit.csv"), "");
        }
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return RunCommand.human(v); // "n/a" or "not finite", never "NaN" or "Infinity"
        }
        double a = Math.abs(v);
        return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static void writePosterior(Path dir, ScenarioCalibration.Calibrated cal) throws Exception {
        ScenarioCalibration c = cal.calibration();
        StringBuilder sb = new StringBuilder("particle,weight,distance");
        for (Param p : c.calibratedParameters()) {
            sb.append(',').append(p.key());
        }
        for (String cl : c.claimants()) {
            sb.append(',').append(Csv.quote("bias:" + cl));
        }
        for (String cl : c.claimants()) {
            sb.append(',').append(Csv.quote("noise:" + cl));
        }
        sb.append('\n');
        int i = 0;
        for (Particle pt : cal.posterior().particles()) {
            sb.append(i++).append(',').append(pt.weight()).append(',').append(pt.distance());
            double[] full = c.parameters(pt.theta());
            for (Param p : c.calibratedParameters()) {
                sb.append(',').append(full[p.ordinal()]);
            }
            for (int k = 0; k < 2 * c.claimants().size(); k++) {
                sb.append(',').append(Math.exp(pt.theta()[c.calibratedParameters().size() + k]));
            }
            sb.append('\n');
        }
        org.resolve.store.AtomicFiles.write(dir.resolve("posterior.csv"), sb.toString());
    }

    /** For each report, the posterior predictive of the reported value (bias included) against the report. */
    private static void writeFit(Path dir, ScenarioCalibration.Calibrated cal, long seed) throws Exception {
        ScenarioCalibration c = cal.calibration();
        UniformRandomProvider rng = Streams.derive(seed, 0xF17L);
        List<Particle> draws = cal.posterior().resample(100, rng);
        Scenario sim = c.scenario().with(Map.of(), Math.max(1, (int) java.time.temporal.ChronoUnit.DAYS.between(
                c.scenario().start(), c.targets().observations().stream().map(Observation::date).max(LocalDate::compareTo).orElseThrow()) + 1));
        List<RunResult> runs = new ArrayList<>();
        for (Particle p : draws) {
            runs.add(c.simulate(p.theta(), sim));
        }
        StringBuilder sb = new StringBuilder("id,date,claimant,quantity,kind,low,high,predicted_q05,predicted_q50,predicted_q95\n");
        for (Observation o : c.targets().observations()) {
            double[] v = new double[draws.size()];
            for (int i = 0; i < draws.size(); i++) {
                double y = ModelValue.of(o, runs.get(i), c.scenario().start());
                double bias = c.model(draws.get(i).theta()).error(org.resolve.analysis.calibration.Claimants.key(o.claimant())).bias();
                v[i] = y * bias;
            }
            Arrays.sort(v);
            sb.append(Csv.quote(o.id())).append(',').append(o.date()).append(',').append(Csv.quote(o.claimant())).append(',')
                    .append(o.quantity().key()).append(',').append(o.kind().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(Double.isNaN(o.low()) ? "" : o.low()).append(',').append(Double.isNaN(o.high()) ? "" : o.high()).append(',')
                    .append(v[(int) (0.05 * (v.length - 1))]).append(',').append(v[(v.length - 1) / 2]).append(',')
                    .append(v[(int) Math.ceil(0.95 * (v.length - 1))]).append('\n');
        }
        org.resolve.store.AtomicFiles.write(dir.resolve("fit.csv"), sb.toString());
    }

    /**
     * A scenario that extends the original with each calibrated parameter as an equally weighted
     * mixture of posterior draws (marginals: the scenario format has no joint distributions).
     */
    private static Path writeScenario(Path dir, ScenarioCalibration.Calibrated cal, String ref, String ledger, LocalDate cutoff)
            throws Exception {
        ScenarioCalibration c = cal.calibration();
        Scenario sc = c.scenario();
        List<Particle> draws = cal.posterior().resample(50, Streams.derive(cal.calibration().options().seed(), 0xCA1L));
        boolean bundled = org.resolve.core.scenario.Bundled.IDS.contains(ref);
        String parent = bundled ? ref : dir.toAbsolutePath().relativize(Path.of(ref).toAbsolutePath()).toString();
        StringBuilder y = new StringBuilder();
        y.append("# Calibrated by resolve calibrate to ").append(BundledLedgers.IDS.contains(ledger) && !java.nio.file.Files.exists(Path.of(ledger))
                ? "the bundled ledger " + BundledLedgers.label(ledger) : String.valueOf(Path.of(ledger).getFileName())).append(" up to ").append(cutoff).append(".\n");
        y.append("resolve: 1\nid: ").append(sc.id()).append("-calibrated\nextends: ").append(parent).append('\n');
        y.append("title: ").append(quote(sc.title() + ", calibrated to reports up to " + cutoff)).append('\n');
        y.append("sources:\n  calibration:\n    claimant: resolve calibrate (ABC-SMC)\n    date: ").append(LocalDate.now()).append('\n');
        y.append("    publication: ").append(quote("posterior.csv beside this file")).append('\n');
        y.append("    quote: ").append(quote("posterior draws from " + c.targets().observations().size() + " reports up to " + cutoff)).append('\n');
        y.append("    reliability: ").append(quote("as good as the reports, the measurement model and the priors")).append('\n');
        y.append("parameters:\n");
        double w = 1.0 / draws.size();
        for (Param p : c.calibratedParameters()) {
            y.append("  ").append(p.key()).append(":\n    unit: ").append(quote(sc.spec(p).unit())).append('\n');
            y.append("    note: posterior marginal from calibration\n    distribution:\n      type: mixture\n      components:\n");
            for (Particle pt : draws) {
                y.append("        - {weight: ").append(w).append(", evidence: [calibration], distribution: {type: fixed, value: ")
                        .append(c.parameters(pt.theta())[p.ordinal()]).append("}}\n");
            }
        }
        Path file = dir.resolve("calibrated.yaml");
        org.resolve.store.AtomicFiles.write(file, y.toString());
        return file;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void writeMeta(Path dir, ScenarioCalibration.Calibrated cal, LocalDate cutoff, double secs) throws Exception {
        Map<String, Object> meta = new LinkedHashMap<>();
        Scenario sc = cal.calibration().scenario();
        meta.put("scenario", sc.id());
        meta.put("scenario_hash", sc.hash());
        meta.put("model_version", ModelVersion.get());
        meta.put("observations", observations.toString());
        meta.put("until", cutoff.toString());
        meta.put("method", "sequential Monte Carlo with likelihood tempering (resample-move, random-walk Metropolis)");
        meta.put("mode", mode.key());
        meta.put("particles", particles);
        meta.put("temperatures", cal.smc().temperatures());
        meta.put("reached_posterior", cal.smc().reachedOne());
        meta.put("acceptance_rate", cal.smc().acceptanceRate());
        meta.put("simulations", cal.smc().simulations());
        meta.put("root_seed", common.seed);
        List<String> used = new ArrayList<>();
        cal.calibration().targets().observations().forEach(o -> used.add(o.id()));
        meta.put("reports_used", used);
        List<String> ignored = new ArrayList<>();
        cal.calibration().ignored().forEach(o -> ignored.add(o.id()));
        meta.put("reports_not_used", ignored);
        meta.put("command_line", Main.commandLine(spec));
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(secs * 1000) / 1000.0);
        org.resolve.store.AtomicFiles.write(dir.resolve("meta.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
    }
}
