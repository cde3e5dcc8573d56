package org.resolve.analysis.scoring;

/**
 * An observed value to score a forecast against: exact, or censored to a set [lower, upper].
 *
 * <p>A report often says only "at least 500" ({@link Kind#LOWER}), "at most 40"
 * ({@link Kind#UPPER}) or "between 300 and 700" ({@link Kind#RANGE}). Every score in this package
 * treats a censored outcome the same way: <b>the forecast is scored against the most favourable
 * truth consistent with the report</b>. For the CRPS that is the smallest CRPS divergence from the
 * predictive F to any distribution G supported on [lower, upper], which works out to
 * <pre>  ∫_{-∞}^{lower} F(z)² dz + ∫_{upper}^{∞} (1 - F(z))² dz,</pre>
 * the CRPS integral with the integrand dropped where the report does not fix the observation's
 * distribution function (a threshold-weighted CRPS with weight 1 outside [lower, upper) and 0
 * inside). It is 0 exactly when the forecast puts all its mass inside the reported set, it grows
 * as mass falls outside, and for an exact value (lower = upper = y) it is the ordinary CRPS. For
 * the interval score the observation is the point of the set nearest to the interval, and a
 * predictive interval "contains" a censored outcome when it meets the set. The rule never
 * penalises a forecast for detail the report does not give; the price is that it is not strictly
 * proper (a forecast may spread freely inside the reported set).
 *
 * @param kind exact or which censoring
 * @param lower the set's lower end (-infinity for {@link Kind#UPPER})
 * @param upper the set's upper end (+infinity for {@link Kind#LOWER}); equals lower when exact
 */
public record Outcome(Kind kind, double lower, double upper) {
    /** What the report says about the true value. */
    public enum Kind {
        /** The value itself. */
        EXACT,
        /** At least {@code lower}. */
        LOWER,
        /** At most {@code upper}. */
        UPPER,
        /** Between {@code lower} and {@code upper}, inclusive. */
        RANGE
    }

    /**
     * @throws IllegalArgumentException if an end is NaN, the ends do not match the kind (exact:
     *     equal and finite; lower: finite lower and upper = +infinity; upper: lower = -infinity and
     *     finite upper; range: finite and lower <= upper)
     */
    public Outcome {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null; expected one of exact, lower, upper, range");
        }
        boolean ok = switch (kind) {
            case EXACT -> Double.isFinite(lower) && lower == upper;
            case LOWER -> Double.isFinite(lower) && upper == Double.POSITIVE_INFINITY;
            case UPPER -> lower == Double.NEGATIVE_INFINITY && Double.isFinite(upper);
            case RANGE -> Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper;
        };
        if (!ok) {
            throw new IllegalArgumentException("invalid " + kind.name().toLowerCase() + " outcome [" + lower + ", "
                    + upper + "]; use Outcome.exact, atLeast, atMost or between");
        }
    }

    /** @param y a finite value @return the exact outcome y */
    public static Outcome exact(double y) {
        return new Outcome(Kind.EXACT, y, y);
    }

    /** @param a a finite value @return the outcome "at least a" */
    public static Outcome atLeast(double a) {
        return new Outcome(Kind.LOWER, a, Double.POSITIVE_INFINITY);
    }

    /** @param b a finite value @return the outcome "at most b" */
    public static Outcome atMost(double b) {
        return new Outcome(Kind.UPPER, Double.NEGATIVE_INFINITY, b);
    }

    /** @param a finite lower end @param b finite upper end, >= a @return the outcome "between a and b" */
    public static Outcome between(double a, double b) {
        return new Outcome(Kind.RANGE, a, b);
    }

    /** @return the set of values consistent with the report */
    public Interval set() {
        return new Interval(lower, upper);
    }

    /**
     * @param x a value
     * @return the point of the set nearest to x (x itself when inside)
     */
    public double nearest(double x) {
        return Math.min(Math.max(x, lower), upper);
    }
}
