package org.resolve.analysis.scoring;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The continuous ranked probability score (Matheson and Winkler 1976; Gneiting and Raftery 2007):
 * CRPS(F, y) = ∫ (F(z) - 1{z >= y})² dz, in the observation's units, 0 for a perfect point
 * forecast, lower is better.
 *
 * <p>For an ensemble we score its (weighted) empirical distribution, using the energy form
 * CRPS = E|X - y| - ½ E|X - X'| with X, X' independent draws from the ensemble. With the members
 * sorted, E|X - X'| = 2 Σ<sub>k</sub> p<sub>k</sub> x<sub>(k)</sub> (P<sub>&lt;k</sub> -
 * P<sub>&gt;k</sub>), where P<sub>&lt;k</sub> and P<sub>&gt;k</sub> are the weights below and
 * above member k, so the score costs O(n log n) for the sort and O(n) after. This is the CRPS of
 * the empirical distribution (pairs i = j included, divisor n²), not the "fair" ensemble CRPS
 * (divisor n(n - 1)); it is the one that gives |x - y| for a single member and that converges to
 * the CRPS of the distribution the ensemble was drawn from.
 *
 * <p>Censored outcomes are scored as described in {@link Outcome}.
 */
public final class Crps {
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Crps() {
    }

    /**
     * @param sample the ensemble members, each finite, at least one
     * @param y the observed value, finite
     * @return the CRPS of the sample's empirical distribution at y
     * @throws IllegalArgumentException if the sample is empty or has a non-finite member, or y is not finite
     */
    public static double of(double[] sample, double y) {
        return of(Ensemble.of(sample), y);
    }

    /**
     * @param f the predictive ensemble
     * @param y the observed value, finite
     * @return E|X - y| - ½ E|X - X'| under the ensemble's weights
     * @throws IllegalArgumentException if y is not finite
     */
    public static double of(Ensemble f, double y) {
        requireFinite(y, "y");
        double[] x = f.x();
        double[] p = f.p();
        double toY = 0;
        double pairs = 0;
        double below = 0;
        for (int k = 0; k < x.length; k++) {
            toY += p[k] * Math.abs(x[k] - y);
            double above = 1 - below - p[k];
            pairs += p[k] * x[k] * (below - above);
            below += p[k];
        }
        // ½ E|X - X'| = ½ · 2 Σ p_k x_k (P_<k - P_>k)
        return Math.max(0, toY - pairs);
    }

    /**
     * @param f the predictive ensemble
     * @param y the outcome, exact or censored
     * @return for an exact outcome {@link #of(Ensemble, double)}; for a censored one
     *     ∫<sub>-∞</sub><sup>lower</sup> F² dz + ∫<sub>upper</sub><sup>∞</sup> (1 - F)² dz, the
     *     CRPS divergence from F to the nearest distribution supported on the reported set
     */
    public static double of(Ensemble f, Outcome y) {
        if (y.kind() == Outcome.Kind.EXACT) {
            return of(f, y.lower());
        }
        return outside(f, y.lower(), y.upper());
    }

    /**
     * The integral form on [-∞, a] and [b, ∞] over the step function F; for a = b = y it equals
     * the energy form (a test checks it), which is why the two can share one definition.
     */
    static double outside(Ensemble f, double a, double b) {
        double[] x = f.x();
        double[] p = f.p();
        int n = x.length;
        double s = 0;
        // F = c on [x_k, x_{k+1}) with c the weight of members 0..k; F = 0 below x_0.
        double c = 0;
        for (int k = 0; k < n; k++) {
            // The last step is exactly 1: rounding must not leave (1 - c)² times an infinite length.
            c = k == n - 1 ? 1 : Math.min(1, c + p[k]);
            double next = k + 1 < n ? x[k + 1] : Double.POSITIVE_INFINITY;
            double lo = x[k];
            double hiBelowA = Math.min(next, a);
            if (hiBelowA > lo) {
                s += c * c * (hiBelowA - lo);
            }
            double loAboveB = Math.max(lo, b);
            if (next > loAboveB) {
                double q = 1 - c;
                if (q > 0) {
                    s += q * q * (next - loAboveB);
                }
            }
        }
        // Below the smallest member F = 0, so 1 - F = 1 on [b, x_0).
        if (x[0] > b) {
            s += x[0] - b;
        }
        return s;
    }

    /**
     * The closed form for a normal predictive (Gneiting et al. 2005).
     *
     * @param mean the predictive mean, finite
     * @param sd the predictive standard deviation, finite and > 0
     * @param y the observed value, finite
     * @return sd [z (2Φ(z) - 1) + 2φ(z) - 1/√π] with z = (y - mean) / sd
     * @throws IllegalArgumentException if an argument is not finite or sd <= 0
     */
    public static double normal(double mean, double sd, double y) {
        requireFinite(mean, "mean");
        requireFinite(y, "y");
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("sd must be finite and > 0: " + sd);
        }
        double z = (y - mean) / sd;
        return sd * (z * (2 * STANDARD.cumulativeProbability(z) - 1) + 2 * STANDARD.density(z) - INV_SQRT_PI);
    }

    static void requireFinite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite: " + v);
        }
    }
}
