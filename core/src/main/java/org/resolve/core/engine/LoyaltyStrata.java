package org.resolve.core.engine;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.resolve.core.model.Param;
import org.resolve.core.model.UnitType;

/**
 * The aggregate mode's discretisation of who is sent from one unit type: loyalty bins of equal
 * probability under the pool's loyalty distribution, each with the share of those sent, their mean loyalty and the share of them undernourished,
 * after the volunteering filter (a candidate is sent if he volunteers, or with the coercion share if
 * not). Integrals over the beta-distributed loyalty use exact cell probabilities on a fine grid;
 * a candidate is undernourished or not, with the unit type's share.
 */
public final class LoyaltyStrata {
    private static final int SUB = 8;

    /** Share of those sent in each bin (sums to 1). */
    public final double[] share;
    /** Mean loyalty in each bin among those sent. */
    public final double[] loyalty;
    /** Share undernourished at departure in each bin among those sent (their mean hunger). */
    public final double[] hunger;
    /** Share of those sent in each bin who did not volunteer (coerced). */
    public final double[] coerced;
    /** Probability a candidate is sent. */
    public final double acceptance;
    /** Probability a candidate volunteers. */
    public final double volunteering;

    private static final int CACHE_SIZE = 64;
    private static final java.util.Map<java.util.List<Object>, LoyaltyStrata> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.util.List<Object>, LoyaltyStrata> e) {
                    return size() > CACHE_SIZE;
                }
            });
    private static final Param[] INPUTS = {Param.LOYALTY_CONCENTRATION, Param.VOLUNTEER_INTERCEPT,
        Param.VOLUNTEER_STATUS, Param.MOTIVE_STATUS_GAIN, Param.VOLUNTEER_PAY, Param.MOTIVE_PAY_SCALE, Param.WAGE,
        Param.REGIME_SHARE, Param.VOLUNTEER_OUTSIDE,
        Param.MOTIVE_CURIOSITY, Param.VOLUNTEER_LOYALTY, Param.VOLUNTEER_HUNGER, Param.COERCION_SHARE};

    /**
     * The strata for these parameter values, reused across runs that share them (in a sweep most
     * runs do: the volunteering parameters are rarely the uncertain ones). A pure function of the
     * inputs, so caching never changes a result.
     *
     * @param p the run's parameter values
     * @param type the unit type
     * @param bins number of loyalty bins, >= 1
     * @return the strata
     */
    public static LoyaltyStrata cached(double[] p, UnitType type, int bins) {
        java.util.List<Object> key = new java.util.ArrayList<>(INPUTS.length + 4);
        key.add(type);
        key.add(bins);
        key.add(p[type.loyaltyMean().ordinal()]);
        key.add(p[type.undernourished().ordinal()]);
        for (Param q : INPUTS) {
            key.add(p[q.ordinal()]);
        }
        LoyaltyStrata ls = CACHE.get(key);
        if (ls == null) {
            ls = new LoyaltyStrata(p, type, bins);
            CACHE.put(key, ls);
        }
        return ls;
    }

    /**
     * @param p the run's parameter values
     * @param type the unit type
     * @param bins number of loyalty bins, >= 1
     */
    public LoyaltyStrata(double[] p, UnitType type, int bins) {
        double conc = p[Param.LOYALTY_CONCENTRATION.ordinal()];
        double lm = p[type.loyaltyMean().ordinal()];
        double hm = p[type.undernourished().ordinal()];
        double[] hx = {0, 1};
        double[] hw = {1 - hm, hm};
        double[] lx = new double[bins * SUB];
        double[] lw = new double[bins * SUB];
        grid(lm, conc, bins * SUB, lx, lw);
        double b0 = org.resolve.core.engine.process.Deployment.volunteerBase(p);
        double bl = p[Param.VOLUNTEER_LOYALTY.ordinal()];
        double bh = p[Param.VOLUNTEER_HUNGER.ordinal()];
        double coercion = p[Param.COERCION_SHARE.ordinal()];
        share = new double[bins];
        loyalty = new double[bins];
        hunger = new double[bins];
        coerced = new double[bins];
        double acc = 0;
        double vol = 0;
        for (int b = 0; b < bins; b++) {
            double m = 0;
            double ml = 0;
            double mh = 0;
            double mc = 0;
            for (int g = 0; g < SUB; g++) {
                int i = b * SUB + g;
                for (int h = 0; h < hx.length; h++) {
                    double w = lw[i] * hw[h];
                    double pv = Sector.sigmoid(b0 + bl * lx[i] + bh * hx[h]);
                    double a = pv + (1 - pv) * coercion;
                    vol += w * pv;
                    m += w * a;
                    ml += w * a * lx[i];
                    mh += w * a * hx[h];
                    mc += w * (1 - pv) * coercion;
                }
            }
            share[b] = m;
            loyalty[b] = m > 0 ? ml / m : (b + 0.5) / bins;
            hunger[b] = m > 0 ? mh / m : hm;
            coerced[b] = m > 0 ? mc / m : 0;
            acc += m;
        }
        for (int b = 0; b < bins; b++) {
            share[b] = acc > 0 ? share[b] / acc : 1.0 / bins;
        }
        acceptance = acc;
        volunteering = vol;
    }

    /**
     * Fills cells of equal probability under the beta distribution (edges at its quantiles), each
     * with its exact conditional mean, so bins resolve loyalty where soldiers are: the decisions
     * that depend on loyalty non-linearly (surrender, self-killing) then differ little from the
     * agent mode's with few bins.
     */
    private static void grid(double mean, double conc, int cells, double[] x, double[] w) {
        double alpha = Math.max(mean * conc, 1e-9);
        double beta = Math.max((1 - mean) * conc, 1e-9);
        if (mean <= 0 || mean >= 1) {
            java.util.Arrays.fill(x, mean <= 0 ? 0 : 1);
            java.util.Arrays.fill(w, 1.0 / cells);
            return;
        }
        BetaDistribution d = BetaDistribution.of(alpha, beta);
        BetaDistribution shifted = BetaDistribution.of(alpha + 1, beta);
        double lo = 0;
        double prevS = 0;
        for (int i = 0; i < cells; i++) {
            double hi = i == cells - 1 ? 1 : d.inverseCumulativeProbability((i + 1.0) / cells);
            double cdfS = i == cells - 1 ? 1 : shifted.cumulativeProbability(hi);
            w[i] = 1.0 / cells;
            // The cell's conditional mean, from the identity E[X; X < x] = mean x F_{alpha+1,beta}(x).
            double cm = mean * (cdfS - prevS) * cells;
            x[i] = cm >= lo && cm <= hi ? cm : 0.5 * (lo + hi);
            prevS = cdfS;
            lo = hi;
        }
    }
}
