package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.calibration.abc.Generation;
import org.resolve.analysis.scoring.Interval;
import org.resolve.core.engine.AggregateEngine;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.engine.RunResult;
import org.resolve.core.model.Param;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.random.Streams;
import org.resolve.core.scenario.Scenario;
import org.resolve.core.scenario.ScenarioLoader;

/**
 * Parameter recovery on the model itself: 50 times, draw "true" parameters, claimant biases and
 * claimant noise levels from their priors, simulate kursk-2024 (aggregate mode), synthesise the shared ledger's reports
 * (same dates, claimants, quantities) through the measurement model, calibrate, and check that the
 * truth lies inside the 90% credible interval.
 *
 * <p>Pass rule: at least 80% of all (repeat, coordinate) pairs covered, and at least 30 of 50 for
 * every single coordinate. Calibration settings: 300 particles, 30 Metropolis steps per stage (the
 * model has 29 uncertain parameters since Model 2; with 200 particles and 20 steps nine coordinates
 * fell below 35 of 50). Measured with this seed over the 51 coordinates (29 parameters,
 * 11 biases, 11 noise levels): 0.811 overall; the lowest coordinate replacement.cap_total, 31 of
 * 50 (its likelihood is flat above the drafts a run needs and has a kink where the cap binds, where
 * random-walk moves spread slowly), then several at 37. The per-coordinate floor is set for 51
 * coordinates: at a true coverage of 0.80 a coordinate falls below 30 of 50 with probability 0.03%
 * (binomial), so the family of 51 fails by chance about 1.6% of the time under other seeds; the test is seeded, so
 * it gives the same result every run, and the overall rule catches any change that narrows the
 * intervals.
 */
class ScenarioCalibrationRecoveryTest {
    private static final long SEED = 20250113L;
    private static final int REPEATS = 50;

    @Test
    void trueValuesFallInsideTheNinetyPercentIntervals() throws Exception {
        Scenario sc = ScenarioLoader.load("kursk-2024");
        LocalDate cutoff = LocalDate.parse("2025-01-13");
        ObservationLedger real = ObservationLedger.read(Path.of("src/test/resources/observations/observations-to-2025-01-13.csv"));
        List<Observation> templates = new ArrayList<>();
        List<String> claimants = new ArrayList<>();
        for (Observation o : real.calibrationTargets()) {
            if (!o.published().isAfter(cutoff) && !o.date().isAfter(cutoff)) {
                templates.add(o);
                String k = Claimants.key(o.claimant());
                if (!claimants.contains(k)) {
                    claimants.add(k);
                }
            }
        }
        java.util.Collections.sort(claimants);
        List<Param> ps = sc.uncertainParameters();
        Scenario shortRun = sc.with(Map.of(), 100);
        int nc = claimants.size();
        int coords = ps.size() + 2 * nc;
        MeasurementPriors mp = ScenarioCalibration.priorsOf(sc);
        int[] covered = new int[coords];
        System.out.println("parameter recovery, seed " + SEED);
        for (int rep = 0; rep < REPEATS; rep++) {
            UniformRandomProvider rng = Streams.derive(SEED, rep);
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] truth = new double[coords];
            double[] params = ParameterSampler.medians(sc);
            for (int j = 0; j < ps.size(); j++) {
                truth[j] = rng.nextDouble();
                params[ps.get(j).ordinal()] = sc.spec(ps.get(j)).distribution().quantile(truth[j]);
            }
            MeasurementModel model = MeasurementModel.of(mp);
            for (int k = 0; k < nc; k++) {
                truth[ps.size() + k] = mp.biasLogSd() * z.sample();
                truth[ps.size() + nc + k] = Math.log(mp.pointLogSd()) + ScenarioCalibration.NOISE_PRIOR_LOG_SD * z.sample();
                model = model.with(claimants.get(k), new ClaimantError(Math.exp(truth[ps.size() + k]),
                        Math.exp(truth[ps.size() + nc + k])));
            }
            RunResult run = new AggregateEngine(2).run(shortRun, params, 0, 0);
            List<Observation> synthetic = new ArrayList<>();
            for (Observation o : templates) {
                synthetic.add(model.synthesize(o, ModelValue.of(o, run, sc.start()), rng));
            }
            ScenarioCalibration.Calibrated cal = ScenarioCalibration.calibrate(sc, new ObservationLedger("synthetic", synthetic),
                    cutoff, new ScenarioCalibration.Options(300, 60, 30, 2, SEED + rep, 2, null));
            Generation post = cal.posterior();
            for (int j = 0; j < coords; j++) {
                Interval ci = post.credibleInterval(j, 0.9);
                if (truth[j] >= ci.lower() && truth[j] <= ci.upper()) {
                    covered[j]++;
                }
            }
        }
        int total = 0;
        for (int j = 0; j < coords; j++) {
            total += covered[j];
            String name = name(j, ps, claimants);
            System.out.printf("  %-40s covered %d of %d%n", name, covered[j], REPEATS);
        }
        for (int j = 0; j < coords; j++) {
            String name = name(j, ps, claimants);
            assertTrue(covered[j] >= 30, name + " covered only " + covered[j] + " of " + REPEATS);
        }
        double share = (double) total / (coords * REPEATS);
        System.out.printf("  overall coverage %.3f%n", share);
        assertTrue(share >= 0.8, "overall coverage " + share);
    }

    private static String name(int j, List<Param> ps, List<String> claimants) {
        if (j < ps.size()) {
            return ps.get(j).key();
        }
        int k = j - ps.size();
        return k < claimants.size() ? "bias:" + claimants.get(k) : "noise:" + claimants.get(k - claimants.size());
    }
}
