package org.resolve.analysis.calibration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.resolve.analysis.calibration.abc.Generation;
import org.resolve.analysis.calibration.abc.Prior;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;

/**
 * Calibrates a scenario's uncertain parameters and the claimants' biases to a ledger of dated
 * reports, by ABC-SMC (population Monte Carlo) with a likelihood-based distance.
 *
 * <p>Why this method: the aggregate mode is deterministic given the parameters and the
 * measurement model gives an explicit likelihood of every report (censored for lower, upper and
 * range kinds), so the distance is minus the log-likelihood; ABC-SMC's falling tolerance then
 * narrows the search to the high-likelihood region and the last population, reweighted by the
 * likelihood, is the posterior there (see {@link Generation#likelihoodReweighted()}). The
 * scenario's parameters are explored in probability space: coordinate u in (0, 1) maps to the
 * parameter's quantile(u), so their priors are exactly the scenario's distributions, mixtures of
 * conflicting sources included. Each claimant's multiplicative bias has a log-normal prior.
 *
 * <p>Only reports published by the cut-off date and dated on or before it are used (what was
 * known then); reports whose quantity the model has no output for are listed, not silently
 * dropped.
 */
public final class ScenarioCalibration {
    /** The calibration's settings; {@code priors} null means the scenario's measurement.* parameters. */
    public record Options(int particles, int generations, int mcmcSteps, int threads, long seed, int bins, MeasurementPriors priors,
                          org.resolve.core.engine.Mode mode) {
        /** Aggregate mode. */
        public Options(int particles, int generations, int mcmcSteps, int threads, long seed, int bins, MeasurementPriors priors) {
            this(particles, generations, mcmcSteps, threads, seed, bins, priors, org.resolve.core.engine.Mode.AGGREGATE);
        }

        public Options {
            if (particles < 10) {
                throw new IllegalArgumentException("particles must be >= 10: " + particles);
            }
            if (generations < 1) {
                throw new IllegalArgumentException("generations must be >= 1: " + generations);
            }
        }
    }

    private final Scenario scenario;
    private final Scenario simulated;
    private final List<Param> parameters;
    private final List<String> claimants;
    private final ObservationLedger targets;
    private final List<Observation> ignored;
    private final double[] base;
    private final Options options;
    private final MeasurementPriors priors;

    /** Log-sd of each claimant's noise level around the scenario's measurement.noise_log_sd. */
    static final double NOISE_PRIOR_LOG_SD = 0.5;

    private ScenarioCalibration(Scenario scenario, ObservationLedger ledger, LocalDate cutoff, Options options) {
        this.scenario = scenario;
        this.options = options;
        this.parameters = scenario.uncertainParameters();
        LocalDate end = scenario.start().plusDays(scenario.days() - 1L);
        List<Observation> used = new ArrayList<>();
        List<Observation> skipped = new ArrayList<>();
        for (Observation o : ledger.observations()) {
            boolean known = !o.published().isAfter(cutoff) && !o.date().isAfter(cutoff);
            if (!known) {
                continue;
            }
            if (o.quantity().isCalibrationTarget() && !o.date().isBefore(scenario.start()) && !o.date().isAfter(end)) {
                used.add(o);
            } else {
                skipped.add(o);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("no calibration target in " + ledger.file() + " up to " + cutoff
                    + " within the scenario's horizon");
        }
        this.targets = new ObservationLedger(ledger.file(), used);
        this.ignored = List.copyOf(skipped);
        TreeSet<String> names = new TreeSet<>();
        LocalDate last = scenario.start();
        for (Observation o : used) {
            names.add(Claimants.key(o.claimant()));
            if (o.date().isAfter(last)) {
                last = o.date();
            }
        }
        this.claimants = List.copyOf(names);
        int days = (int) ChronoUnit.DAYS.between(scenario.start(), last) + 1;
        this.simulated = scenario.with(Map.of(), days);
        this.base = ParameterSampler.medians(scenario);
        this.priors = options.priors() != null ? options.priors() : priorsOf(scenario);
    }

    /**
     * @param sc a scenario
     * @return the measurement priors its measurement.* parameters set (at their medians)
     */
    public static MeasurementPriors priorsOf(Scenario sc) {
        double[] m = ParameterSampler.medians(sc);
        return new MeasurementPriors(m[Param.MEASUREMENT_BIAS_LOG_SD.ordinal()], m[Param.MEASUREMENT_NOISE_LOG_SD.ordinal()],
                m[Param.MEASUREMENT_APPROX_FACTOR.ordinal()], MeasurementPriors.DEFAULT.floor());
    }

    /**
     * Runs the calibration.
     *
     * @param sc the scenario (its uncertain parameters are calibrated)
     * @param ledger the observations
     * @param cutoff the knowledge date: reports published and dated by then are used
     * @param options settings
     * @return the calibration, with its posterior
     * @throws IllegalArgumentException if no report can be used, or a report has zero likelihood
     *     (or one below e^-1000) under every one of {@link #EXPLAIN_DRAWS} draws from the priors (no
     *     parameter set of the scenario can produce it: calibrating on it would silently return the
     *     prior, or let one impossible figure drive the posterior)
     */
    public static Calibrated calibrate(Scenario sc, ObservationLedger ledger, LocalDate cutoff, Options options) {
        ScenarioCalibration c = new ScenarioCalibration(sc, ledger, cutoff, options);
        c.checkEveryReportCanBeExplained();
        List<Prior> priors = new ArrayList<>();
        for (Param p : c.parameters) {
            priors.add(Prior.uniform(p.key(), 0, 1));
        }
        MeasurementPriors mp = c.priors;
        for (String claimant : c.claimants) {
            priors.add(Prior.normal("bias:" + claimant, 0, mp.biasLogSd()));
        }
        for (String claimant : c.claimants) {
            priors.add(Prior.normal("noise:" + claimant, Math.log(mp.pointLogSd()), NOISE_PRIOR_LOG_SD));
        }
        TemperedSmc.Result result;
        try {
            result = TemperedSmc.run(priors, c::logLikelihood, new TemperedSmc.Options(options.particles(), options.mcmcSteps(),
                    options.generations(), options.threads(), options.seed()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("calibration failed: " + e.getMessage(), e);
        }
        return new Calibrated(c, result, result.posterior());
    }

    /** Draws from the priors with which every report must have a non-negligible likelihood at least once. */
    public static final int EXPLAIN_DRAWS = 100;
    /**
     * A report's log-likelihood at or below which it counts as unexplained by a draw: e^-1000, a
     * probability no real misfit comes near (a claimant three times off with the default priors
     * scores about -20), while an impossible figure (a point report of 1e308 deaths) scores millions
     * below it.
     */
    public static final double NEGLIGIBLE_LOG_LIKELIHOOD = -1000;

    /**
     * Evaluates every report's likelihood at {@link #EXPLAIN_DRAWS} draws from the priors (the
     * scenario's parameters and the claimants' biases and noise) and names the reports that none of
     * them can explain. Tempering from the prior cannot recover from a report whose likelihood is
     * zero everywhere: every particle has the same minus-infinite weight and the sampler would end
     * where it started.
     *
     * @throws IllegalArgumentException naming each report no draw explains, or when every run fails
     */
    void checkEveryReportCanBeExplained() {
        int d = parameters.size() + 2 * claimants.size();
        org.apache.commons.rng.UniformRandomProvider rng = org.resolve.core.random.Streams.derive(options.seed(), 0xE8914L);
        org.apache.commons.rng.sampling.distribution.ContinuousSampler z =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        java.util.Map<String, Observation> unexplained = new java.util.LinkedHashMap<>();
        for (Observation o : targets.observations()) {
            unexplained.put(o.id(), o);
        }
        int ran = 0;
        int nc = claimants.size();
        for (int k = 0; k < EXPLAIN_DRAWS && !unexplained.isEmpty(); k++) {
            double[] theta = new double[d];
            for (int j = 0; j < parameters.size(); j++) {
                theta[j] = rng.nextDouble();
            }
            for (int j = 0; j < nc; j++) {
                theta[parameters.size() + j] = priors.biasLogSd() * z.sample();
                theta[parameters.size() + nc + j] = Math.log(priors.pointLogSd()) + NOISE_PRIOR_LOG_SD * z.sample();
            }
            RunResult run = simulate(theta, simulated);
            if (!run.ok()) {
                continue;
            }
            ran++;
            for (LedgerLikelihood.Term t : LedgerLikelihood.evaluate(targets, run, scenario.start(), model(theta)).terms()) {
                if (t.logLikelihood() > NEGLIGIBLE_LOG_LIKELIHOOD) {
                    unexplained.remove(t.observation().id());
                }
            }
        }
        if (ran == 0) {
            throw new IllegalArgumentException("every one of " + EXPLAIN_DRAWS + " runs drawn from the priors of "
                    + scenario.id() + " failed; nothing can be calibrated");
        }
        if (!unexplained.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Observation o : unexplained.values()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(o.location().file()).append(':').append(o.location().line())
                        .append(": report ").append(o.id()).append(" (").append(o.claimant()).append(", ").append(o.date())
                        .append(", ").append(o.quantity().key()).append(' ').append(o.kind().key()).append(' ')
                        .append(figure(o)).append(')');
            }
            throw new IllegalArgumentException(sb + ": no parameter set drawn from the priors can produce "
                    + (unexplained.size() == 1 ? "it" : "them") + " (zero likelihood, or below e^-1000, under all " + ran
                    + " draws), so"
                    + " calibrating would ignore the other reports and return the prior; expected a figure the model"
                    + " can reach: check the report, or leave it out of the ledger");
        }
    }

    private static String figure(Observation o) {
        return switch (o.kind()) {
            case LOWER -> ">= " + o.low();
            case UPPER -> "<= " + o.high();
            case RANGE -> o.low() + "-" + o.high();
            default -> Double.toString(o.value());
        };
    }

    /** @return minus infinity when the run failed; otherwise the ledger's log-likelihood */
    double logLikelihood(double[] theta) {
        RunResult run = simulate(theta, simulated);
        if (!run.ok()) {
            return Double.NEGATIVE_INFINITY;
        }
        return LedgerLikelihood.evaluate(targets, run, scenario.start(), model(theta)).logLikelihood();
    }

    /** @return the full parameter vector for a point theta */
    public double[] parameters(double[] theta) {
        double[] p = base.clone();
        for (int j = 0; j < parameters.size(); j++) {
            double u = Math.min(Math.max(theta[j], 1e-12), 1 - 1e-12);
            p[parameters.get(j).ordinal()] = scenario.spec(parameters.get(j)).distribution().quantile(u);
        }
        return p;
    }

    /** @return the measurement model with the claimants' biases of theta */
    public MeasurementModel model(double[] theta) {
        MeasurementModel m = MeasurementModel.of(priors);
        int nc = claimants.size();
        for (int k = 0; k < nc; k++) {
            m = m.with(claimants.get(k), new ClaimantError(Math.exp(theta[parameters.size() + k]),
                    Math.exp(theta[parameters.size() + nc + k])));
        }
        return m;
    }

    /** @return the measurement priors used (from the scenario unless the options give others) */
    public MeasurementPriors priors() {
        return priors;
    }

    /**
     * @return a run of a scenario at theta: aggregate mode, or agent mode with one fixed seed for
     *     every particle (common random numbers), so the likelihood is a deterministic function of
     *     theta whose remaining noise does not depend on where the sampler looks
     */
    public RunResult simulate(double[] theta, Scenario sc) {
        if (options.mode() == org.resolve.core.engine.Mode.AGENT) {
            return new org.resolve.core.engine.AgentEngine().run(sc, parameters(theta), Streams.replicationSeed(options.seed(), 0), 0);
        }
        return new AggregateEngine(options.bins()).run(sc, parameters(theta), 0, 0);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** @return the settings */
    public Options options() {
        return options;
    }

    /** @return the calibrated parameters, in theta's order */
    public List<Param> calibratedParameters() {
        return parameters;
    }

    /**
     * @return the claimants whose biases and noise levels are calibrated: theta holds the
     *     parameters, then one log-bias per claimant, then one log noise level per claimant
     */
    public List<String> claimants() {
        return claimants;
    }

    /** @return the reports used */
    public ObservationLedger targets() {
        return targets;
    }

    /** @return reports known by the cut-off but not used (no model output, or outside the horizon) */
    public List<Observation> ignored() {
        return ignored;
    }

    /** A finished calibration. */
    public record Calibrated(ScenarioCalibration calibration, TemperedSmc.Result smc, Generation posterior) {
    }
}
