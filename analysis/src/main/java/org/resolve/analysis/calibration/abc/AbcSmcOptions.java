package org.resolve.analysis.calibration.abc;

/**
 * Settings of one ABC-SMC run; every default lives here.
 *
 * @param particles the population size N, >= 2
 * @param maxGenerations the most generations, >= 1, generation 0 (the prior) included
 * @param quantile the next tolerance is this weighted quantile of the current population's
 *     distances, in (0, 1); 0.5 by default (each generation halves the accepted region, roughly)
 * @param targetTolerance stop after the first generation whose tolerance is at most this, >= 0
 *     (0 by default: never stop on tolerance alone); the schedule never goes below it
 * @param minAcceptanceRate stop when a generation accepts fewer than this share of its
 *     proposals, in (0, 1]; a generation that would need more than particles / minAcceptanceRate
 *     proposals is abandoned and not reported. 0.01 by default
 * @param initialTolerance generation 0's tolerance, > 0; +infinity by default (all prior draws
 *     with a non-NaN distance are accepted)
 * @param kernelScale the perturbation kernel's variance as a multiple of the population's
 *     weighted variance, > 0; 2 by default (Beaumont et al. 2009)
 * @param threads worker threads for the simulations, >= 1; the result does not depend on it
 * @param seed the root seed; every proposal's random numbers derive from (seed, generation,
 *     proposal index)
 */
public record AbcSmcOptions(int particles, int maxGenerations, double quantile, double targetTolerance,
        double minAcceptanceRate, double initialTolerance, double kernelScale, int threads, long seed) {
    /** Default population size. */
    public static final int DEFAULT_PARTICLES = 1000;
    /** Default most generations. */
    public static final int DEFAULT_MAX_GENERATIONS = 20;
    /** Default tolerance quantile. */
    public static final double DEFAULT_QUANTILE = 0.5;
    /** Default smallest acceptance rate. */
    public static final double DEFAULT_MIN_ACCEPTANCE_RATE = 0.01;
    /** Default kernel variance multiple. */
    public static final double DEFAULT_KERNEL_SCALE = 2.0;

    /** @throws IllegalArgumentException naming the first argument out of its range */
    public AbcSmcOptions {
        if (particles < 2) {
            throw new IllegalArgumentException("particles must be >= 2: " + particles);
        }
        if (maxGenerations < 1) {
            throw new IllegalArgumentException("maxGenerations must be >= 1: " + maxGenerations);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1): " + quantile);
        }
        if (!(targetTolerance >= 0)) {
            throw new IllegalArgumentException("targetTolerance must be >= 0: " + targetTolerance);
        }
        if (!(minAcceptanceRate > 0 && minAcceptanceRate <= 1)) {
            throw new IllegalArgumentException("minAcceptanceRate must be in (0, 1]: " + minAcceptanceRate);
        }
        if (!(initialTolerance > 0)) {
            throw new IllegalArgumentException("initialTolerance must be > 0: " + initialTolerance);
        }
        if (!(kernelScale > 0) || !Double.isFinite(kernelScale)) {
            throw new IllegalArgumentException("kernelScale must be finite and > 0: " + kernelScale);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    /**
     * @param seed the root seed
     * @return the defaults: 1000 particles, at most 20 generations, median tolerance schedule, no
     *     target tolerance, stop below 1% acceptance, kernel variance 2x, one thread
     */
    public static AbcSmcOptions defaults(long seed) {
        return new AbcSmcOptions(DEFAULT_PARTICLES, DEFAULT_MAX_GENERATIONS, DEFAULT_QUANTILE, 0,
                DEFAULT_MIN_ACCEPTANCE_RATE, Double.POSITIVE_INFINITY, DEFAULT_KERNEL_SCALE, 1, seed);
    }

    /** @param n >= 2 @return a copy with that population size */
    public AbcSmcOptions withParticles(int n) {
        return new AbcSmcOptions(n, maxGenerations, quantile, targetTolerance, minAcceptanceRate, initialTolerance,
                kernelScale, threads, seed);
    }

    /** @param n >= 1 @return a copy with that many generations at most */
    public AbcSmcOptions withMaxGenerations(int n) {
        return new AbcSmcOptions(particles, n, quantile, targetTolerance, minAcceptanceRate, initialTolerance,
                kernelScale, threads, seed);
    }

    /** @param q in (0, 1) @return a copy with that tolerance quantile */
    public AbcSmcOptions withQuantile(double q) {
        return new AbcSmcOptions(particles, maxGenerations, q, targetTolerance, minAcceptanceRate, initialTolerance,
                kernelScale, threads, seed);
    }

    /** @param eps >= 0 @return a copy with that target tolerance */
    public AbcSmcOptions withTargetTolerance(double eps) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, eps, minAcceptanceRate, initialTolerance,
                kernelScale, threads, seed);
    }

    /** @param rate in (0, 1] @return a copy with that smallest acceptance rate */
    public AbcSmcOptions withMinAcceptanceRate(double rate) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, targetTolerance, rate, initialTolerance,
                kernelScale, threads, seed);
    }

    /** @param eps > 0 @return a copy with that initial tolerance */
    public AbcSmcOptions withInitialTolerance(double eps) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, targetTolerance, minAcceptanceRate, eps,
                kernelScale, threads, seed);
    }

    /** @param scale > 0 @return a copy with that kernel variance multiple */
    public AbcSmcOptions withKernelScale(double scale) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, targetTolerance, minAcceptanceRate,
                initialTolerance, scale, threads, seed);
    }

    /** @param n >= 1 @return a copy with that many threads */
    public AbcSmcOptions withThreads(int n) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, targetTolerance, minAcceptanceRate,
                initialTolerance, kernelScale, n, seed);
    }

    /** @param s the root seed @return a copy with that seed */
    public AbcSmcOptions withSeed(long s) {
        return new AbcSmcOptions(particles, maxGenerations, quantile, targetTolerance, minAcceptanceRate,
                initialTolerance, kernelScale, threads, s);
    }
}
