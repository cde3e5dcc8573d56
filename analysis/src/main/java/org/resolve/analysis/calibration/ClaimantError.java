package org.resolve.analysis.calibration;

/**
 * One claimant's measurement error: it reports {@code bias * y * exp(logSd * Z)} for a model
 * value {@code y} and a standard normal {@code Z}.
 *
 * @param bias multiplicative bias b_c (&gt; 1 overstates, &lt; 1 understates); finite, &gt; 0
 * @param logSd standard deviation of the log of a point figure; finite, &gt; 0 (an approx figure
 *        uses this times {@link MeasurementPriors#approxFactor()})
 */
public record ClaimantError(double bias, double logSd) {

    /** @throws IllegalArgumentException if {@code bias} or {@code logSd} is not finite and &gt; 0 */
    public ClaimantError {
        MeasurementPriors.requirePositiveFinite(bias, "bias");
        MeasurementPriors.requirePositiveFinite(logSd, "logSd");
    }
}
