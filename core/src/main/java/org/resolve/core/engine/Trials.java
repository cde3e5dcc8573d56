package org.resolve.core.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A run of Bernoulli trials of one probability, visited in order, with exact geometric skipping:
 * instead of one draw per trial, the stream gives the number of failures before the next success.
 * The successes have the same distribution as with one draw per trial, for far fewer draws.
 */
public final class Trials {
    private final UniformRandomProvider rng;
    private final double log1mp;
    private final double p;
    private final boolean perTrial;
    private int gap;

    /**
     * @param rng the stream
     * @param p the success probability of every trial, in [0, 1]
     */
    public Trials(UniformRandomProvider rng, double p) {
        this(rng, p, false);
    }

    /**
     * @param rng the stream
     * @param p the success probability of every trial, in [0, 1]
     * @param perTrial one uniform draw per trial instead of skipping (the straightforward
     *                 reference, same distribution, other stream)
     */
    public Trials(UniformRandomProvider rng, double p, boolean perTrial) {
        this.rng = rng;
        this.p = Math.min(Math.max(p, 0), 1);
        this.perTrial = perTrial;
        this.log1mp = StrictMath.log1p(-this.p);
        this.gap = perTrial ? 0 : RunStreams.skip(rng, log1mp);
    }

    /**
     * Jumps to the next success in a run of trials at positions {@code k, k + 1, ..., end - 1}
     * without visiting the positions between: every position consumes one trial, as with
     * {@link #next()}, so a caller may give trials to positions it then ignores (soldiers no
     * longer at the front) without changing the distribution of the others.
     *
     * @param k the first position
     * @param end one past the last position
     * @return the position of the next success, or {@code end} when none comes before it (the
     *         remaining wait then carries over to the next run of positions)
     */
    public int next(int k, int end) {
        if (perTrial) {
            while (k < end && rng.nextDouble() >= p) {
                k++;
            }
            return k;
        }
        long at = (long) k + gap;
        if (at >= end) {
            gap -= end - k;
            return end;
        }
        gap = RunStreams.skip(rng, log1mp);
        return (int) at;
    }

    /** @return whether the next trial succeeds (the stream is drawn only at successes) */
    public boolean next() {
        if (perTrial) {
            return rng.nextDouble() < p;
        }
        if (gap > 0) {
            gap--;
            return false;
        }
        gap = RunStreams.skip(rng, log1mp);
        return true;
    }
}
