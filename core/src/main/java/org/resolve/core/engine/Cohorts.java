package org.resolve.core.engine;

import org.resolve.core.model.Status;

/**
 * Aggregate-mode population: expected numbers of soldiers in compartments, one set per stratum.
 * A stratum is (wave, loyalty bin, informed, knows procedure); within it, the soldiers in each
 * living status carry their mean doubt. Every update of doubt is affine and every flow is
 * independent of doubt within a stratum, so the means move exactly as the agent mode's averages do
 * in the limit of many soldiers (the mean-field limit); the strata carry the heterogeneity that
 * nonlinear responses (the surrender logistic) need.
 */
public final class Cohorts {
    /** Living statuses held per stratum, in this order. */
    public static final int TRANSIT = 0;
    public static final int TRAINING = 1;
    public static final int FRONT = 2;
    public static final int RESERVE = 3;
    public static final int WOUNDED = 4;
    public static final int LIVING = 5;
    private static final Status[] LIVING_STATUS = {Status.TRANSIT, Status.TRAINING, Status.FRONT, Status.RESERVE, Status.WOUNDED};

    /** Loyalty bins per wave. */
    public final int bins;
    public final int waves;
    public final int strata;
    /** Expected soldiers, index stratum * LIVING + living status. */
    public final double[] mass;
    /** Mean doubt of those soldiers. */
    public final double[] doubt;
    /** Today's new casualties per stratum (set by attrition, resolved by casualty outcome). */
    public final double[] newCasualties;
    /** Mean baseline loyalty of each stratum. */
    public final double[] loyalty;
    /** Mean hunger at departure of each stratum. */
    public final double[] hunger0;
    /** Whether a wave has departed and still has living soldiers in theatre or on the way. */
    public final boolean[] active;
    /** Expected soldiers in each absorbing status (index: Status ordinal). */
    public final double[] absorbed = new double[Status.values().length];

    /**
     * @param waves waves in the schedule
     * @param bins loyalty bins per wave, >= 1
     */
    public Cohorts(int waves, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1: " + bins);
        }
        this.bins = bins;
        this.waves = waves;
        this.strata = waves * bins * 4;
        mass = new double[strata * LIVING];
        doubt = new double[strata * LIVING];
        newCasualties = new double[strata];
        loyalty = new double[strata];
        hunger0 = new double[strata];
        active = new boolean[waves];
    }

    /** @return the stratum of (wave, loyalty bin, informed 0/1, knows 0/1) */
    public int stratum(int wave, int bin, int informed, int knows) {
        return ((wave * bins + bin) * 2 + informed) * 2 + knows;
    }

    /** @return the wave of a stratum */
    public int waveOf(int stratum) {
        return stratum / (bins * 4);
    }

    /** @return 1 when the stratum's soldiers were informed */
    public static int informedOf(int stratum) {
        return (stratum >> 1) & 1;
    }

    /** @return 1 when the stratum's soldiers know the procedure */
    public static int knowsOf(int stratum) {
        return stratum & 1;
    }

    /**
     * Adds soldiers with a given mean doubt to a compartment, keeping its mean doubt exact.
     *
     * @param idx stratum * LIVING + living status
     * @param m expected soldiers, >= 0
     * @param d their mean doubt
     */
    public void add(int idx, double m, double d) {
        double total = mass[idx] + m;
        if (total > 0) {
            doubt[idx] = (mass[idx] * doubt[idx] + m * d) / total;
        }
        mass[idx] = total;
    }

    /** @param s a status @return expected soldiers in it */
    public double count(Status s) {
        if (s.absorbing()) {
            return absorbed[s.ordinal()];
        }
        int li = living(s);
        if (li < 0) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < strata; c++) {
            sum += mass[c * LIVING + li];
        }
        return sum;
    }

    /** @return the compartment index of a living status, or -1 */
    public static int living(Status s) {
        for (int i = 0; i < LIVING; i++) {
            if (LIVING_STATUS[i] == s) {
                return i;
            }
        }
        return -1;
    }
}
