package org.resolve.analysis.discovery;

import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Runs with inputs uniform in [0, 1]^5 and a known region of interest, from one seed. */
final class SyntheticRuns {
    static final List<String> NAMES = List.of("x1", "x2", "x3", "x4", "x5");

    final double[][] x;
    final double[] y;
    /** Whether each run is in the true region (before label noise). */
    final boolean[] truth;

    private SyntheticRuns(double[][] x, double[] y, boolean[] truth) {
        this.x = x;
        this.y = y;
        this.truth = truth;
    }

    /**
     * @param seed the seed of the XO_RO_SHI_RO_128_PP stream
     * @param n the number of runs
     * @param region the true region of interest
     * @param noise the probability that a run's label is flipped, in [0, 1]
     */
    static SyntheticRuns of(long seed, int n, Predicate<double[]> region, double noise) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[n][NAMES.size()];
        double[] y = new double[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < NAMES.size(); j++) {
                x[i][j] = rng.nextDouble();
            }
            truth[i] = region.test(x[i]);
            // The noise draw is made for every run, so the inputs do not depend on the noise level.
            boolean flip = rng.nextDouble() < noise;
            y[i] = truth[i] ^ flip ? 1 : 0;
        }
        return new SyntheticRuns(x, y, truth);
    }

    PrimData data() {
        return PrimData.of(NAMES, x, y);
    }
}
