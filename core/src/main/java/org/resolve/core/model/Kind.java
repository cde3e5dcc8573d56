package org.resolve.core.model;

/**
 * The kind of a model parameter: fixes the interval its values must lie in.
 */
public enum Kind {
    /** A probability or share, in [0, 1]. */
    PROBABILITY(0, 1, "a probability in [0, 1]"),
    /** A non-negative rate or size (per day, per soldier, a count of days). */
    NON_NEGATIVE(0, Double.POSITIVE_INFINITY, "a number >= 0"),
    /** A strictly positive scale (a concentration, a multiplier that cannot be zero). */
    POSITIVE(Double.MIN_VALUE, Double.POSITIVE_INFINITY, "a number > 0"),
    /** A coefficient on the real line (a logistic intercept or slope). */
    REAL(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "a finite number"),
    /** A switch: 0 (off) or 1 (on). */
    FLAG(0, 1, "0 or 1");

    private final double min;
    private final double max;
    private final String expected;

    Kind(double min, double max, String expected) {
        this.min = min;
        this.max = max;
        this.expected = expected;
    }

    /** @return the smallest allowed value */
    public double min() { return min; }

    /** @return the largest allowed value */
    public double max() { return max; }

    /** @return a phrase saying what values are allowed, for error messages */
    public String expected() { return expected; }

    /**
     * @param v a value
     * @return whether {@code v} is finite and inside this kind's interval
     */
    public boolean admits(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        if (this == FLAG) {
            return v == 0 || v == 1;
        }
        return v >= min && v <= max;
    }
}
