package org.resolve.analysis.scoring;

import java.util.Arrays;

/**
 * A predictive distribution given as a sample (an ensemble, or weighted ABC particles): the
 * distribution that puts weight w<sub>i</sub> / Σw on value x<sub>i</sub>. Sorted once on creation
 * so quantiles and scores cost O(n) afterwards.
 *
 * <p>Quantiles invert the weighted empirical distribution function (Hyndman and Fan's type 1):
 * {@code quantile(p)} is the smallest value x<sub>(k)</sub> whose cumulative weight reaches p of
 * the total. No interpolation, so a quantile is always a member of the ensemble and an unweighted
 * ensemble and the same values with equal weights give identical answers.
 */
public final class Ensemble {
    private final double[] x;
    /** Normalised weights in the order of {@link #x}. */
    private final double[] p;
    /** Raw cumulative weights: cum[k] = sum of raw weights of x[0..k]. */
    private final double[] cum;
    private final double total;

    private Ensemble(double[] x, double[] raw) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable sort by value: ties keep input order, so results never depend on anything else.
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        this.x = new double[n];
        this.p = new double[n];
        this.cum = new double[n];
        double s = 0;
        for (int k = 0; k < n; k++) {
            this.x[k] = x[order[k]];
            s += raw[order[k]];
            cum[k] = s;
        }
        this.total = s;
        for (int k = 0; k < n; k++) {
            p[k] = raw[order[k]] / s;
        }
    }

    /**
     * @param values the members, each finite; at least one
     * @return the ensemble with equal weights
     * @throws IllegalArgumentException if empty or a value is not finite
     */
    public static Ensemble of(double[] values) {
        double[] w = new double[values.length];
        Arrays.fill(w, 1.0);
        return weighted(values, w);
    }

    /**
     * @param values the members, each finite; at least one
     * @param weights one per member, each finite and >= 0, with a positive sum (need not sum to 1)
     * @return the weighted ensemble
     * @throws IllegalArgumentException if empty, the lengths differ, a value is not finite, a
     *     weight is negative or not finite, or all weights are 0
     */
    public static Ensemble weighted(double[] values, double[] weights) {
        if (values.length == 0) {
            throw new IllegalArgumentException("an ensemble needs at least one value");
        }
        if (weights.length != values.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, values "
                    + values.length + "; give one weight per value");
        }
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]
                        + "; drop failed runs before scoring");
            }
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0: " + weights[i]);
            }
            s += weights[i];
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("weights sum to 0; at least one must be positive");
        }
        return new Ensemble(values.clone(), weights.clone());
    }

    /** @return the number of members */
    public int size() {
        return x.length;
    }

    /** @return the members in ascending order (a copy) */
    public double[] sortedValues() {
        return x.clone();
    }

    /** @return the normalised weights, in the order of {@link #sortedValues()} (a copy) */
    public double[] sortedWeights() {
        return p.clone();
    }

    /** @return the weighted mean */
    public double mean() {
        double m = 0;
        for (int k = 0; k < x.length; k++) {
            m += p[k] * x[k];
        }
        return m;
    }

    /**
     * @param prob a probability in [0, 1]
     * @return the smallest member whose cumulative weight is at least prob of the total
     * @throws IllegalArgumentException if prob is not in [0, 1]
     */
    public double quantile(double prob) {
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("prob must be in [0, 1]: " + prob);
        }
        double target = prob * total;
        int lo = 0;
        int hi = x.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return x[lo];
    }

    /**
     * @param level the central probability, in (0, 1): 0.9 gives the 5% and 95% quantiles
     * @return [quantile((1 - level) / 2), quantile((1 + level) / 2)]
     * @throws IllegalArgumentException if level is not in (0, 1)
     */
    public Interval central(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        return new Interval(quantile((1 - level) / 2), quantile((1 + level) / 2));
    }

    /** Package-private views for the scores: no copies. */
    double[] x() {
        return x;
    }

    double[] p() {
        return p;
    }
}
