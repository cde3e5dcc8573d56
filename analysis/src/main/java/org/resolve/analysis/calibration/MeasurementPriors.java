package org.resolve.analysis.calibration;

/**
 * The measurement model's default scales, until the scenario sets them.
 *
 * @param biasLogSd standard deviation of log(b_c), the prior of each claimant's multiplicative bias
 *        (median 1); finite, &gt; 0. 0.5 means a claimant overstating or understating by a factor
 *        of 1.65 is one standard deviation away
 * @param pointLogSd default standard deviation of the log of a reported figure around
 *        log(b_c * y) for a point figure; finite, &gt; 0
 * @param approxFactor how much wider the log-sd of an approx figure is than a point's; finite, &gt;= 1
 * @param floor model values below this are raised to it before comparison (soldiers or events),
 *        so that a run with nobody yet in the sector gets a very small but finite likelihood
 *        instead of zero; finite, &gt; 0
 */
public record MeasurementPriors(double biasLogSd, double pointLogSd, double approxFactor, double floor) {

    /** biasLogSd 0.5, pointLogSd 0.25, approxFactor 2, floor 1. */
    public static final MeasurementPriors DEFAULT = new MeasurementPriors(0.5, 0.25, 2.0, 1.0);

    /**
     * @throws IllegalArgumentException if a parameter is NaN, infinite or out of its range (named in the message)
     */
    public MeasurementPriors {
        requirePositiveFinite(biasLogSd, "biasLogSd");
        requirePositiveFinite(pointLogSd, "pointLogSd");
        if (!(approxFactor >= 1) || Double.isInfinite(approxFactor)) {
            throw new IllegalArgumentException("approxFactor: expected a finite number >= 1, got " + approxFactor);
        }
        requirePositiveFinite(floor, "floor");
    }

    static void requirePositiveFinite(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number > 0, got " + v);
        }
    }
}
