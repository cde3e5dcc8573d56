package org.resolve.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.resolve.analysis.calibration.abc.Generation;
import org.resolve.analysis.calibration.abc.Particle;
import org.resolve.analysis.calibration.abc.Prior;
import org.resolve.core.random.Streams;

/**
 * The tempered SMC sampler on a conjugate model (normal mean, normal prior, known variance), where
 * the exact posterior is known.
 */
class TemperedSmcTest {
    private static final long SEED = 424242L;

    private static TemperedSmc.Result fit(double[] y, long seed, int threads) throws Exception {
        TemperedSmc.LogLikelihood ll = theta -> {
            double s = 0;
            for (double v : y) {
                s += -0.5 * (v - theta[0]) * (v - theta[0]);
            }
            return s;
        };
        return TemperedSmc.run(List.of(Prior.normal("mu", 0, 1)), ll, new TemperedSmc.Options(200, 60, 10, threads, seed));
    }

    /**
     * Simulation-based calibration (Talts et al. 2018): 200 draws of the truth from the prior,
     * data from the truth, the rank of the truth among 19 posterior draws; the 20 possible ranks,
     * merged into 10 bins of 2, must look uniform by a chi-square test at level 0.001 (9 degrees of
     * freedom, critical value 27.88): a false failure once in a thousand seeds. Seeded.
     */
    @Test
    void simulationBasedCalibrationRanksAreUniform() throws Exception {
        int reps = 200;
        int[] bins = new int[10];
        UniformRandomProvider rng = Streams.derive(SEED, 1);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int r = 0; r < reps; r++) {
            double truth = z.sample();
            double[] y = new double[5];
            for (int i = 0; i < y.length; i++) {
                y[i] = truth + z.sample();
            }
            Generation post = fit(y, SEED + r, 1).posterior();
            List<Particle> draws = post.resample(19, Streams.derive(SEED, 1000 + r));
            int rank = 0;
            for (Particle p : draws) {
                rank += p.theta()[0] < truth ? 1 : 0;
            }
            bins[rank / 2]++;
        }
        double chi2 = 0;
        double expected = reps / 10.0;
        for (int b : bins) {
            chi2 += (b - expected) * (b - expected) / expected;
        }
        System.out.println("SBC ranks " + java.util.Arrays.toString(bins) + ", chi2 " + chi2 + ", seed " + SEED);
        assertTrue(chi2 < 27.88, "ranks not uniform: " + java.util.Arrays.toString(bins) + " chi2 " + chi2);
    }

    /** The posterior mean and sd match the exact ones: mean sum(y)/(n+1), sd 1/sqrt(n+1). */
    @Test
    void posteriorMatchesTheExactOne() throws Exception {
        double[] y = {1.2, 0.4, 2.1, 1.7, 0.9};
        Generation post = fit(y, SEED, 2).posterior();
        double exactMean = (1.2 + 0.4 + 2.1 + 1.7 + 0.9) / 6;
        double exactSd = 1 / Math.sqrt(6);
        assertEquals(exactMean, post.mean(0), 0.08, "mean");
        assertEquals(exactSd, Math.sqrt(post.variance(0)), 0.06, "sd");
    }

    /** Results do not depend on the number of threads. */
    @Test
    void identicalOnOneAndTwoThreads() throws Exception {
        double[] y = {0.3, -0.2, 0.8};
        Generation a = fit(y, SEED, 1).posterior();
        Generation b = fit(y, SEED, 2).posterior();
        assertArrayEquals(a.values(0), b.values(0));
        assertArrayEquals(a.weights(), b.weights());
    }
}
