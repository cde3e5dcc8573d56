/**
 * Approximate Bayesian computation by sequential Monte Carlo
 * ({@link org.resolve.analysis.calibration.abc.AbcSmc}), generic over independent priors
 * ({@link org.resolve.analysis.calibration.abc.Prior}) and an abstract simulate-and-compare
 * distance ({@link org.resolve.analysis.calibration.abc.DistanceFunction}); the model and its
 * measurement model stay with the caller. Results are weighted populations per generation with
 * their tolerance, acceptance rate, effective sample size and simulation count, identical for any
 * number of threads.
 */
package org.resolve.analysis.calibration.abc;
