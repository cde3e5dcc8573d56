package org.resolve.analysis.sensitivity;

/**
 * One factor's (or group's) elementary-effect statistics for one output, as a tidy row.
 * Elementary effects are per unit of the Morris grid [0, 1]: (output change) / Δ, signed so that
 * a positive effect means the output rises with the factor's quantile.
 *
 * @param metric the output's name
 * @param factor the parameter's or group's name
 * @param mu the mean elementary effect μ (effects of opposite sign cancel)
 * @param muStar the mean absolute elementary effect μ* (Campolongo et al. 2007): the importance
 * @param sigma the standard deviation of the effects (n - 1 denominator): non-linearity or
 *     interactions; NaN with fewer than two trajectories
 * @param muStarCiLow the bootstrap interval's lower end for μ* (NaN without resamples)
 * @param muStarCiHigh its upper end
 * @param nUsed trajectories used
 * @param nExcluded trajectories left out because an output of theirs was not finite
 */
public record MorrisEffect(String metric, String factor, double mu, double muStar, double sigma, double muStarCiLow,
                           double muStarCiHigh, int nUsed, int nExcluded) {
}
