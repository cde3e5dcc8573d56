package org.resolve.analysis.discovery;

/**
 * One restricted dimension of a box: its bounds are tighter than the data's range on at least one
 * side. Bounds are inclusive and are values of the data (a point is inside when
 * {@code lower <= x <= upper}); an unrestricted side carries the data's extreme.
 *
 * <p><b>Quasi-p-value</b> (as in the EMA Workbench, after Bryant and Lempert 2010): drop this
 * dimension's restriction and count the points n' and cases c' of the relaxed box; with p = c'/n',
 * the value is P(X >= c) for X ~ Binomial(n, p), n and c being the box's points and cases. A small
 * value means the restriction raises the density more than chance would; it is "quasi" because the
 * box was chosen by looking at the same data. {@code removed} = n' - n, the points this restriction
 * alone keeps out.
 *
 * @param dimension the input's index, 0-based
 * @param name the input's name
 * @param lower the lower bound (inclusive)
 * @param upper the upper bound (inclusive)
 * @param lowerRestricted whether the lower bound is above the data's minimum
 * @param upperRestricted whether the upper bound is below the data's maximum
 * @param removed the points the restriction alone removes from the box's runs, >= 0
 * @param quasiPValue the quasi-p-value, in [0, 1]
 */
public record Restriction(int dimension, String name, double lower, double upper, boolean lowerRestricted,
        boolean upperRestricted, int removed, double quasiPValue) {

    @Override
    public String toString() {
        String lo = lowerRestricted ? String.format(java.util.Locale.ROOT, "%.4g <= ", lower) : "";
        String hi = upperRestricted ? String.format(java.util.Locale.ROOT, " <= %.4g", upper) : "";
        return String.format(java.util.Locale.ROOT, "%s%s%s (removes %d, qp %.3g)", lo, name, hi, removed,
                quasiPValue);
    }
}
