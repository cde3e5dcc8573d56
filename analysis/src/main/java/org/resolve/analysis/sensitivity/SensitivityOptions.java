package org.resolve.analysis.sensitivity;

/**
 * How a sensitivity analysis reports uncertainty and treats failed runs.
 *
 * <p><b>Failed runs.</b> An output that is NaN or infinite (a failed run, or a metric it could not
 * compute) is never used and never silently dropped. For Sobol' indices the unit is a base row
 * j: if any of its linked evaluations (A<sub>j</sub>, B<sub>j</sub>, every AB<sub>j,i</sub> and
 * BA<sub>j,i</sub>) is not finite, the whole base row is left out of that output's estimates, so
 * every index of the output uses the same rows. For Morris the unit is a trajectory. The number
 * left out is reported with every estimate, and when it exceeds {@code maxExcludedFraction} of
 * the whole the result is marked unreliable: failures are rarely random, and the remaining rows
 * may no longer cover the parameter space evenly.
 *
 * @param confidenceLevel the bootstrap intervals' level, in (0, 1); 0.95 by default
 * @param resamples bootstrap resamples, >= 0 (0: no intervals, reported as NaN); 1000 by default
 * @param seed the bootstrap's seed
 * @param maxExcludedFraction above this share of excluded units the result is unreliable, in
 *     [0, 1]; 0.10 by default
 */
public record SensitivityOptions(double confidenceLevel, int resamples, long seed, double maxExcludedFraction) {
    /** The default confidence level of the bootstrap intervals. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The default largest share of excluded base rows or trajectories for a reliable result. */
    public static final double DEFAULT_MAX_EXCLUDED_FRACTION = 0.10;

    /**
     * @throws IllegalArgumentException if the confidence level is not in (0, 1), resamples is
     *     negative, or the fraction is not in [0, 1]
     */
    public SensitivityOptions {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1): " + confidenceLevel);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0: " + resamples);
        }
        if (!(maxExcludedFraction >= 0 && maxExcludedFraction <= 1)) {
            throw new IllegalArgumentException("maxExcludedFraction must be in [0, 1]: " + maxExcludedFraction);
        }
    }

    /**
     * @param seed the bootstrap's seed
     * @return the defaults: 95% intervals from 1000 resamples, unreliable above 10% excluded
     */
    public static SensitivityOptions withSeed(long seed) {
        return new SensitivityOptions(DEFAULT_CONFIDENCE_LEVEL, DEFAULT_RESAMPLES, seed, DEFAULT_MAX_EXCLUDED_FRACTION);
    }

    /** @param level in (0, 1) @return a copy with that confidence level */
    public SensitivityOptions withConfidenceLevel(double level) {
        return new SensitivityOptions(level, resamples, seed, maxExcludedFraction);
    }

    /** @param n >= 0 @return a copy with that many resamples */
    public SensitivityOptions withResamples(int n) {
        return new SensitivityOptions(confidenceLevel, n, seed, maxExcludedFraction);
    }

    /** @param fraction in [0, 1] @return a copy with that limit */
    public SensitivityOptions withMaxExcludedFraction(double fraction) {
        return new SensitivityOptions(confidenceLevel, resamples, seed, fraction);
    }
}
