package org.resolve.analysis.calibration.abc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.resolve.core.random.Streams;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018) of ABC-SMC
 * on the normal-mean model: for L = 300 draws theta* from the prior, simulate the data, run
 * ABC-SMC (200 particles, tolerance down to 0.05), draw 19 values from the weighted population
 * (systematic resampling) and record the rank of theta* among them (0..19). If the ABC posterior
 * is the posterior, the ranks are uniform on 0..19. Ranks are pooled in pairs into 10 bins
 * (expected count 30) and tested by Pearson's χ² with 9 degrees of freedom at level 0.001, so a
 * correct sampler fails by chance with probability 0.1% (the ABC tolerance 0.05 widens the
 * posterior sd by under 1%, far below what 300 ranks can detect).
 *
 * <p>To show the test can fail, the same runs with the posterior draws shrunk halfway to their
 * mean (an overconfident posterior) must be rejected at the same level.
 */
class SimulationBasedCalibrationTest {
    static final long ROOT = 20250615L;
    static final int RUNS = 300;
    static final int DRAWS = 19;
    static final int BINS = 10;
    static final double LEVEL = 0.001;

    @Test
    void ranksOfPriorDrawsAreUniform() {
        int[] counts = new int[BINS];
        int[] shrunk = new int[BINS];
        for (int r = 0; r < RUNS; r++) {
            long seed = Streams.replicationSeed(ROOT, r);
            UniformRandomProvider rng = Streams.derive(seed, 99);
            double thetaStar = NormalDistribution.of(NormalMeanModel.PRIOR_MEAN, NormalMeanModel.PRIOR_SD)
                    .inverseCumulativeProbability(rng.nextDouble());
            double obs = NormalMeanModel.simulateMean(thetaStar, rng.nextLong());
            AbcResult res = AbcSmc.run(List.of(NormalMeanModel.prior()), NormalMeanModel.distanceTo(obs),
                    AbcSmcOptions.defaults(seed).withParticles(200).withTargetTolerance(0.05).withThreads(2));
            Generation post = res.posterior();
            List<Particle> draws = post.resample(DRAWS, rng);
            double mean = post.mean(0);
            int rank = 0;
            int rankShrunk = 0;
            for (Particle p : draws) {
                rank += p.theta(0) < thetaStar ? 1 : 0;
                rankShrunk += mean + 0.5 * (p.theta(0) - mean) < thetaStar ? 1 : 0;
            }
            counts[rank * BINS / (DRAWS + 1)]++;
            shrunk[rankShrunk * BINS / (DRAWS + 1)]++;
        }
        double stat = chiSquare(counts);
        double statShrunk = chiSquare(shrunk);
        double critical = ChiSquaredDistribution.of(BINS - 1).inverseSurvivalProbability(LEVEL);
        System.out.printf("SBC root seed %d: counts %s chi2 %.2f; shrunk %s chi2 %.2f; critical %.2f%n", ROOT,
                java.util.Arrays.toString(counts), stat, java.util.Arrays.toString(shrunk), statShrunk, critical);
        assertTrue(stat < critical, "ranks not uniform: chi2 " + stat + " >= " + critical);
        assertTrue(statShrunk >= critical, "an overconfident posterior went undetected: chi2 " + statShrunk);
    }

    private static double chiSquare(int[] counts) {
        double expected = (double) RUNS / BINS;
        double s = 0;
        for (int c : counts) {
            s += (c - expected) * (c - expected) / expected;
        }
        return s;
    }
}
