package org.resolve.core.engine;

import org.resolve.core.model.Status;

/**
 * Aggregate-mode population: expected numbers of soldiers in compartments, one set per stratum.
 * A stratum is (wave, loyalty bin, informed, knows procedure). Each compartment holds its expected
 * soldiers and their doubt mass (soldiers x mean doubt): every doubt update is affine and every
 * flow out of a compartment takes the same share of both, so merging and splitting are additions
 * and the means move exactly as the agent mode's averages do in the limit of many soldiers (the
 * mean-field limit). The strata carry the heterogeneity that nonlinear responses (the surrender
 * logistic, self-killing) need.
 *
 * <p>Only waves that have departed are visited, in departure order, and strata of soldiers who
 * know the procedure only once someone does, so a run costs in proportion to what exists.
 */
public final class Cohorts {
    /** Living statuses held per stratum, in this order. */
    public static final int TRANSIT = 0;
    public static final int TRAINING = 1;
    public static final int FRONT = 2;
    public static final int RESERVE = 3;
    public static final int WOUNDED = 4;
    public static final int LIVING = 5;

    /** Loyalty bins per wave. */
    public final int bins;
    public final int waves;
    public final int strata;
    /** Strata per wave. */
    public final int perWave;
    /** Expected soldiers, index stratum * LIVING + living status. */
    public final double[] mass;
    /** Doubt mass (soldiers x mean doubt) of those soldiers. */
    public final double[] dmass;
    /**
     * Of those soldiers, how many have been wounded before (a mass like {@link #dmass}: every flow
     * out of a compartment takes the same share of it). In the wounded compartment it equals the
     * mass. It turns woundings (events) into soldiers wounded (people).
     */
    public final double[] wmass;
    /** Today's new casualties per stratum (set by attrition, resolved by casualty outcome). */
    public final double[] newCasualties;
    /** Their doubt mass. */
    public final double[] newDoubt;
    /** How many of today's new casualties had been wounded before. */
    public final double[] newWoundedBefore;
    /** Today's newly wounded per stratum (set by casualty outcome, read by capture). */
    public final double[] newWounded;
    /** Their doubt mass. */
    public final double[] newWoundedDoubt;
    /** Mean baseline loyalty of each stratum. */
    public final double[] loyalty;
    /** Mean hunger at departure of each stratum. */
    public final double[] hunger0;
    /** Soldiers in theatre who know the procedure, as of the last {@link #counts} call. */
    public double knowing;
    /** Whether a wave has departed (it stays active to the end of the run). */
    public final boolean[] active;
    /** Departed waves, in departure order; the first {@link #activeCount} entries are valid. */
    public final int[] activeWaves;
    public int activeCount;
    /** Whether any soldier knows the procedure yet (until then, knows strata are empty and skipped). */
    public boolean anyKnows;
    /** Expected soldiers in each absorbing status (index: Status ordinal). */
    public final double[] absorbed = new double[Status.values().length];
    /** The run's loyalty strata per unit type, computed on first use. */
    final LoyaltyStrata[] strataByType = new LoyaltyStrata[4];

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
        this.perWave = bins * 4;
        this.strata = waves * perWave;
        mass = new double[strata * LIVING];
        dmass = new double[strata * LIVING];
        wmass = new double[strata * LIVING];
        newCasualties = new double[strata];
        newDoubt = new double[strata];
        newWoundedBefore = new double[strata];
        newWounded = new double[strata];
        newWoundedDoubt = new double[strata];
        loyalty = new double[strata];
        hunger0 = new double[strata];
        active = new boolean[waves];
        activeWaves = new int[waves];
    }

    /** @return the stratum of (wave, loyalty bin, informed 0/1, knows 0/1) */
    public int stratum(int wave, int bin, int informed, int knows) {
        return ((wave * bins + bin) * 2 + informed) * 2 + knows;
    }

    /** @return the wave of a stratum */
    public int waveOf(int stratum) {
        return stratum / perWave;
    }

    /** @return 1 when the stratum's soldiers were informed */
    public static int informedOf(int stratum) {
        return (stratum >> 1) & 1;
    }

    /** @return 1 when the stratum's soldiers know the procedure */
    public static int knowsOf(int stratum) {
        return stratum & 1;
    }

    /** @return the step between visited strata: 1 once anyone knows the procedure, else 2 (skip knows strata) */
    public int step() {
        return anyKnows ? 1 : 2;
    }

    /** Marks a wave as departed. */
    public void activate(int wave) {
        if (!active[wave]) {
            active[wave] = true;
            activeWaves[activeCount++] = wave;
        }
    }

    /** Moves all soldiers of one compartment to another, with their doubt and wound history. */
    public void move(int from, int to) {
        mass[to] += mass[from];
        dmass[to] += dmass[from];
        wmass[to] += wmass[from];
        mass[from] = 0;
        dmass[from] = 0;
        wmass[from] = 0;
    }

    /**
     * Moves a share of one compartment's soldiers to another, with their doubt and wound history.
     *
     * @param from the compartment they leave
     * @param to the compartment they join
     * @param share the share that moves, in [0, 1]
     */
    public void transfer(int from, int to, double share) {
        double m = mass[from] * share;
        double d = dmass[from] * share;
        double w = wmass[from] * share;
        mass[to] += m;
        dmass[to] += d;
        wmass[to] += w;
        mass[from] -= m;
        dmass[from] -= d;
        wmass[from] -= w;
    }

    /**
     * Keeps a share of a compartment's soldiers (the rest leave it for an absorbing status or
     * another process's bookkeeping), with the same share of their doubt and wound history.
     *
     * @param idx the compartment
     * @param share the share that stays, in [0, 1]
     */
    public void keep(int idx, double share) {
        mass[idx] *= share;
        dmass[idx] *= share;
        wmass[idx] *= share;
    }

    /** Empties a compartment. */
    public void clear(int idx) {
        mass[idx] = 0;
        dmass[idx] = 0;
        wmass[idx] = 0;
    }

    /** @return the mean doubt in a compartment (0 when empty) */
    public double meanDoubt(int idx) {
        double m = mass[idx];
        return m > 0 ? dmass[idx] / m : 0;
    }

    /**
     * Expected soldiers in every status, in one pass.
     *
     * @param out receives counts by Status ordinal
     */
    public void counts(double[] out) {
        java.util.Arrays.fill(out, 0);
        double transit = 0;
        double training = 0;
        double front = 0;
        double reserve = 0;
        double wounded = 0;
        int step = step();
        for (int k = 0; k < activeCount; k++) {
            int s0 = activeWaves[k] * perWave;
            for (int st = s0; st < s0 + perWave; st += step) {
                int base = st * LIVING;
                transit += mass[base + TRANSIT];
                training += mass[base + TRAINING];
                front += mass[base + FRONT];
                reserve += mass[base + RESERVE];
                wounded += mass[base + WOUNDED];
            }
        }
        double knows = 0;
        if (anyKnows) {
            for (int k = 0; k < activeCount; k++) {
                int s0 = activeWaves[k] * perWave;
                for (int st = s0 + 1; st < s0 + perWave; st += 2) {
                    int base = st * LIVING;
                    knows += mass[base + TRAINING] + mass[base + FRONT] + mass[base + RESERVE] + mass[base + WOUNDED];
                }
            }
        }
        knowing = knows;
        out[Status.TRANSIT.ordinal()] = transit;
        out[Status.TRAINING.ordinal()] = training;
        out[Status.FRONT.ordinal()] = front;
        out[Status.RESERVE.ordinal()] = reserve;
        out[Status.WOUNDED.ordinal()] = wounded;
        for (Status s : Status.values()) {
            if (s.absorbing()) {
                out[s.ordinal()] = absorbed[s.ordinal()];
            }
        }
    }

    /**
     * @param p the run's parameter values
     * @param type a unit type
     * @return the loyalty strata of that unit type for this run (computed once)
     */
    public LoyaltyStrata strata(double[] p, org.resolve.core.model.UnitType type) {
        LoyaltyStrata ls = strataByType[type.ordinal()];
        if (ls == null) {
            ls = LoyaltyStrata.cached(p, type, bins);
            strataByType[type.ordinal()] = ls;
        }
        return ls;
    }
}
