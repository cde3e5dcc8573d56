package org.resolve.analysis.sensitivity;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;

/** Percentile bootstrap over independent units (base rows, trajectories). */
final class Bootstrap {
    private Bootstrap() {
    }

    /** @param seed the options' seed @return the resampling stream */
    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /**
     * @param rng the stream
     * @param n units, >= 1
     * @return n indices drawn uniformly with replacement from [0, n)
     */
    static int[] resample(UniformRandomProvider rng, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    /**
     * @param replicates the statistic over the resamples; NaN ones (a degenerate resample) are
     *     left out
     * @param level the confidence level
     * @return {low, high}: the (1 - level)/2 and (1 + level)/2 quantiles, or NaNs if none is finite
     */
    static double[] interval(double[] replicates, double level) {
        double[] ok = Arrays.stream(replicates).filter(Double::isFinite).toArray();
        if (ok.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return Quantile.withDefaults().evaluate(ok, (1 - level) / 2, (1 + level) / 2);
    }
}
