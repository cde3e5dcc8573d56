package org.resolve.analysis.scoring;

/**
 * The interval score of a central (1 - α) predictive interval [l, u] (Gneiting and Raftery 2007,
 * section 6.2): IS = (u - l) + (2/α)(l - y)·1{y < l} + (2/α)(y - u)·1{y > u}. Width is paid
 * always, a miss is paid at 2/α per unit of distance; lower is better, in the observation's units.
 * For a censored outcome y is the point of the reported set nearest to the interval (see
 * {@link Outcome}), so an interval that meets the set pays its width only.
 */
public final class IntervalScore {
    private IntervalScore() {
    }

    /**
     * @param interval the predictive interval
     * @param alpha the interval's miss probability, in (0, 1): 0.1 for a 90% interval
     * @param y the observed value, finite
     * @return the interval score
     * @throws IllegalArgumentException if alpha is not in (0, 1) or y is not finite
     */
    public static double of(Interval interval, double alpha, double y) {
        checkAlpha(alpha);
        Crps.requireFinite(y, "y");
        double l = interval.lower();
        double u = interval.upper();
        double s = u - l;
        if (y < l) {
            s += 2 / alpha * (l - y);
        } else if (y > u) {
            s += 2 / alpha * (y - u);
        }
        return s;
    }

    /**
     * @param interval the predictive interval
     * @param alpha in (0, 1)
     * @param y the outcome, exact or censored
     * @return the score against the point of the outcome's set nearest to the interval
     */
    public static double of(Interval interval, double alpha, Outcome y) {
        checkAlpha(alpha);
        double l = interval.lower();
        double u = interval.upper();
        double s = u - l;
        if (y.upper() < l) {
            s += 2 / alpha * (l - y.upper());
        } else if (y.lower() > u) {
            s += 2 / alpha * (y.lower() - u);
        }
        return s;
    }

    /**
     * @param f the predictive ensemble
     * @param alpha in (0, 1)
     * @param y the outcome
     * @return the score of the ensemble's central (1 - alpha) interval
     */
    public static double of(Ensemble f, double alpha, Outcome y) {
        checkAlpha(alpha);
        return of(f.central(1 - alpha), alpha, y);
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha + "; a 90% interval has alpha 0.1");
        }
    }
}
