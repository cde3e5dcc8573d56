package org.resolve.analysis.scoring;

/**
 * The scores of one predictive ensemble against one outcome, as reported per dated observation.
 *
 * @param crps the CRPS (censored rule for a censored outcome), >= 0
 * @param intervalScore50 the interval score of the central 50% interval
 * @param intervalScore90 the interval score of the central 90% interval
 * @param inside50 whether the outcome is consistent with (meets) the central 50% interval
 * @param inside90 whether the outcome is consistent with (meets) the central 90% interval
 */
public record ForecastScore(double crps, double intervalScore50, double intervalScore90, boolean inside50,
        boolean inside90) {

    /**
     * @param f the predictive ensemble
     * @param y the outcome
     * @return every score
     */
    public static ForecastScore of(Ensemble f, Outcome y) {
        Interval i50 = f.central(0.5);
        Interval i90 = f.central(0.9);
        return new ForecastScore(Crps.of(f, y), IntervalScore.of(i50, 0.5, y), IntervalScore.of(i90, 0.1, y),
                inside(f, 0.5, y), inside(f, 0.9, y));
    }

    /**
     * @param f the predictive ensemble
     * @param level the central interval's probability, in (0, 1)
     * @param y the outcome
     * @return whether the outcome's set meets the central interval (for an exact outcome: whether
     *     the value lies in it, ends included)
     */
    public static boolean inside(Ensemble f, double level, Outcome y) {
        return f.central(level).intersects(y.set());
    }
}
