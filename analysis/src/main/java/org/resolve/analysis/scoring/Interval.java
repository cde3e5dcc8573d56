package org.resolve.analysis.scoring;

/**
 * A closed interval [lower, upper] on the real line.
 *
 * @param lower the lower end, may be -infinity
 * @param upper the upper end, >= lower, may be +infinity
 */
public record Interval(double lower, double upper) {
    /** @throws IllegalArgumentException if an end is NaN or upper < lower */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || upper < lower) {
            throw new IllegalArgumentException("interval needs lower <= upper, neither NaN: [" + lower + ", "
                    + upper + "]");
        }
    }

    /** @param x a value @return whether lower <= x <= upper */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** @param o another interval @return whether the two share at least one point */
    public boolean intersects(Interval o) {
        return lower <= o.upper && o.lower <= upper;
    }

    /** @return upper - lower */
    public double width() {
        return upper - lower;
    }
}
