package org.resolve.analysis.calibration.abc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.resolve.core.random.Streams;

/**
 * The conjugate toy model: y_1..y_m ~ N(theta, sigma²) with sigma known, prior theta ~
 * N(priorMean, priorSd²). The posterior is normal with precision 1/priorSd² + m/sigma² and mean
 * (priorMean/priorSd² + m ȳ/sigma²) / precision. ABC compares the mean of m simulated
 * observations with the observed mean (a sufficient statistic, so ABC targets the exact posterior
 * as the tolerance falls).
 */
final class NormalMeanModel {
    static final int M = 10;
    static final double SIGMA = 1.0;
    static final double PRIOR_MEAN = 0.0;
    static final double PRIOR_SD = 2.0;

    private NormalMeanModel() {
    }

    static Prior prior() {
        return Prior.normal("theta", PRIOR_MEAN, PRIOR_SD);
    }

    /** The mean of m observations at theta, from the seed's stream. */
    static double simulateMean(double theta, long seed) {
        UniformRandomProvider rng = Streams.derive(seed, 7);
        ContinuousDistribution.Sampler z = NormalDistribution.of(theta, SIGMA).createSampler(rng);
        double s = 0;
        for (int i = 0; i < M; i++) {
            s += z.sample();
        }
        return s / M;
    }

    static DistanceFunction distanceTo(double observedMean) {
        return (theta, seed) -> Math.abs(simulateMean(theta[0], seed) - observedMean);
    }

    static double posteriorPrecision() {
        return 1 / (PRIOR_SD * PRIOR_SD) + M / (SIGMA * SIGMA);
    }

    static double posteriorMean(double observedMean) {
        return (PRIOR_MEAN / (PRIOR_SD * PRIOR_SD) + M * observedMean / (SIGMA * SIGMA)) / posteriorPrecision();
    }

    static double posteriorSd() {
        return 1 / Math.sqrt(posteriorPrecision());
    }
}
