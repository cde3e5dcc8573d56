package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.resolve.core.engine.RunResult;
import org.resolve.core.observation.Column;
import org.resolve.core.observation.Observation;
import org.resolve.core.observation.ObservationKind;
import org.resolve.core.observation.ObservationLedger;
import org.resolve.core.observation.Quantity;

/**
 * Sampling synthetic observations and recovering the bias that made them. The statistical checks
 * are at 4 standard errors: each fails by chance with probability about 6e-5; the seed is printed
 * so that a failure can be replayed.
 */
class SyntheticObservationTest {
    private static final long SEED = 20250113L;

    private static UniformRandomProvider rng() {
        System.out.println(SyntheticObservationTest.class.getSimpleName() + " seed " + SEED);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
    }

    @Test
    void reportsAreLogNormalAroundBiasTimesValue() {
        MeasurementModel m = MeasurementModel.of(MeasurementPriors.DEFAULT).with("A", new ClaimantError(1.5, 0.3));
        UniformRandomProvider rng = rng();
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double l = Math.log(m.sampleReport("A", ObservationKind.POINT, 1000, rng));
            sum += l;
            sumSq += l * l;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        assertEquals(Math.log(1500), mean, 4 * 0.3 / Math.sqrt(n), "mean of ln X");
        // sd of a sample sd of normals is about s / sqrt(2n)
        assertEquals(0.3, sd, 4 * 0.3 / Math.sqrt(2.0 * n), "sd of ln X");
        double approxSd = logSd(m, ObservationKind.APPROX, n, rng);
        assertEquals(0.6, approxSd, 4 * 0.6 / Math.sqrt(2.0 * n), "sd of ln X for approx");
    }

    private static double logSd(MeasurementModel m, ObservationKind k, int n, UniformRandomProvider rng) {
        double[] l = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            l[i] = Math.log(m.sampleReport("A", k, 1000, rng));
            mean += l[i] / n;
        }
        double ss = 0;
        for (double v : l) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    @Test
    void synthesizeKeepsTheTemplateAndDrawsTheFigure() {
        MeasurementModel m = MeasurementModel.of(MeasurementPriors.DEFAULT);
        Observation lower = Observation.synthetic("L", LocalDate.of(2024, 12, 1), "C", Quantity.KILLED,
                ObservationKind.LOWER, 100, Double.NaN, 0, "tmpl");
        Observation approx = lower.withFigure(ObservationKind.APPROX, 300, 300);
        Observation a = m.synthesize(approx, 300, rng());
        Observation p = m.synthesize(lower, 300, rng());
        assertEquals(ObservationKind.APPROX, a.kind());
        assertEquals(ObservationKind.POINT, p.kind(), "a bound becomes a point");
        assertEquals(a.low(), a.high());
        assertTrue(a.low() > 0);
        assertEquals(lower.location(Column.DATE), p.location(Column.DATE));
        assertEquals("C", p.claimant());
    }

    @Test
    void theLedgerLikelihoodRecoversTheBiasThatMadeTheData() {
        double trueBias = 1.6;
        double s = MeasurementPriors.DEFAULT.pointLogSd();
        MeasurementModel truth = MeasurementModel.of(MeasurementPriors.DEFAULT).withBias("Claimant X", trueBias);
        RunResult run = SyntheticRuns.run(100);
        UniformRandomProvider rng = rng();
        List<Observation> obs = new ArrayList<>();
        int n = 200;
        for (int i = 0; i < n; i++) {
            LocalDate date = SyntheticRuns.START.plusDays(i % 100);
            Observation template = Observation.synthetic("S" + i, date, "Claimant X (via state media)",
                    Quantity.CASUALTIES_TOTAL, ObservationKind.POINT, 1, 1, 0, "synthetic");
            obs.add(truth.synthesize(template, ModelValue.of(template, run, SyntheticRuns.START), rng));
        }
        ObservationLedger ledger = new ObservationLedger("synthetic", obs);
        double best = 0;
        double bestLl = Double.NEGATIVE_INFINITY;
        for (double b = 0.5; b <= 3.0; b += 0.005) {
            MeasurementModel m = MeasurementModel.of(MeasurementPriors.DEFAULT).withBias("Claimant X", b);
            double ll = LedgerLikelihood.evaluate(ledger, run, SyntheticRuns.START, m).logLikelihood();
            if (ll > bestLl) {
                bestLl = ll;
                best = b;
            }
        }
        // The MLE of ln b has standard error s / sqrt(n); allow 4 of them plus the grid step.
        double tolerance = 4 * s / Math.sqrt(n) + 0.005;
        assertEquals(Math.log(trueBias), Math.log(best), tolerance, "recovered bias " + best);
    }
}
