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
 * Parameter recovery on the model itself: 50 times, draw "true" parameters and claimant biases
 * from their priors, simulate kursk-2024 (aggregate mode), synthesise the shared ledger's reports
 * (same dates, claimants, quantities) through the measurement model, calibrate, and check that the
 * truth lies inside the 90% credible interval.
 *
 * <p>Pass rule: at least 80% of all (repeat, coordinate) pairs covered, and at least 70% for every
 * single coordinate. Measured with this seed: 0.839 overall, the lowest coordinate 37 of 50 — the
 * sampler's 90% intervals cover about 84%, a little narrow (resampling loses some diversity
 * between Metropolis moves). The test is seeded, so it gives the same result every run; under
 * other seeds, at a true coverage of 0.84, a single coordinate falls below 35 of 50 with
 * probability about 0.4%, the overall rule practically never.
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
        int coords = ps.size() + claimants.size();
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
            MeasurementModel model = MeasurementModel.of(MeasurementPriors.DEFAULT);
            for (int k = 0; k < claimants.size(); k++) {
                truth[ps.size() + k] = MeasurementPriors.DEFAULT.biasLogSd() * z.sample();
                model = model.withBias(claimants.get(k), Math.exp(truth[ps.size() + k]));
            }
            RunResult run = new AggregateEngine(2).run(shortRun, params, 0, 0);
            List<Observation> synthetic = new ArrayList<>();
            for (Observation o : templates) {
                synthetic.add(model.synthesize(o, ModelValue.of(o, run, sc.start()), rng));
            }
            ScenarioCalibration.Calibrated cal = ScenarioCalibration.calibrate(sc, new ObservationLedger("synthetic", synthetic),
                    cutoff, new ScenarioCalibration.Options(200, 60, 20, 2, SEED + rep, 2, MeasurementPriors.DEFAULT));
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
            String name = j < ps.size() ? ps.get(j).key() : "bias:" + claimants.get(j - ps.size());
            System.out.printf("  %-40s covered %d of %d%n", name, covered[j], REPEATS);
        }
        for (int j = 0; j < coords; j++) {
            String name = j < ps.size() ? ps.get(j).key() : "bias:" + claimants.get(j - ps.size());
            assertTrue(covered[j] >= 35, name + " covered only " + covered[j] + " of " + REPEATS);
        }
        double share = (double) total / (coords * REPEATS);
        System.out.printf("  overall coverage %.3f%n", share);
        assertTrue(share >= 0.8, "overall coverage " + share);
    }
}
