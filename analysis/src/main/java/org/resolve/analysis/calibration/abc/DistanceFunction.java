package org.resolve.analysis.calibration.abc;

/**
 * Simulates the model at a parameter vector and measures how far the simulation is from the
 * observations. ABC only ever sees this number, so any discrepancy works: a distance between
 * summary statistics, a sum of scores over dated reports, or a negative log-likelihood
 * ({@link #fromLogLikelihood(LogLikelihood)}).
 *
 * <p>Must be deterministic given (theta, seed) and safe to call from several threads at once.
 */
@FunctionalInterface
public interface DistanceFunction {

    /**
     * @param theta the parameters, in the order of the priors; do not modify
     * @param seed the simulation's seed; derive every random stream of the simulation from it
     * @return the distance, >= 0 by convention (any real works; smaller is closer); NaN marks a
     *     failed simulation, which is never accepted
     */
    double distance(double[] theta, long seed);

    /** A log-likelihood of the observations, possibly estimated by simulation. */
    @FunctionalInterface
    interface LogLikelihood {
        /**
         * @param theta the parameters
         * @param seed a seed, for a simulated (estimated) likelihood; ignored by an exact one
         * @return log p(observations | theta), -infinity if impossible, NaN if it failed
         */
        double logLikelihood(double[] theta, long seed);
    }

    /**
     * The distance -log L(theta): ABC then keeps the parameters whose likelihood exceeds
     * exp(-tolerance).
     *
     * <p>What this approximates. With an exact (deterministic) likelihood the ABC population at
     * tolerance ε targets the prior restricted to the likelihood's super-level set
     * {θ : log L(θ) >= -ε}; as ε falls that set shrinks onto the maximum-likelihood estimate, not
     * onto the Bayesian posterior. The posterior is recovered by reweighting each particle by its
     * likelihood, {@link Generation#likelihoodReweighted()}: the result targets the posterior
     * restricted to the super-level set, which is the whole posterior up to the posterior mass
     * outside it. Stop the tolerance schedule early enough to keep that mass small: near a
     * d-parameter normal posterior, -log L - min(-log L) is about half a χ²<sub>d</sub> variable,
     * so a target tolerance of min(-log L) + χ²<sub>d, 0.999</sub>/2 loses about 0.1%. With a
     * simulated (noisy) likelihood the distance is random and neither statement is exact.
     *
     * @param logLikelihood the log-likelihood
     * @return the distance -logLikelihood (NaN stays NaN, -infinity becomes +infinity)
     */
    static DistanceFunction fromLogLikelihood(LogLikelihood logLikelihood) {
        return (theta, seed) -> -logLikelihood.logLikelihood(theta, seed);
    }
}
