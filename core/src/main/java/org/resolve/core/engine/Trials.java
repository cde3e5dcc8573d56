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
    private int gap;

    /**
     * @param rng the stream
     * @param p the success probability of every trial, in [0, 1]
     */
    public Trials(UniformRandomProvider rng, double p) {
        this.rng = rng;
        this.log1mp = StrictMath.log1p(-Math.min(Math.max(p, 0), 1));
        this.gap = RunStreams.skip(rng, log1mp);
    }

    /** @return whether the next trial succeeds (the stream is drawn only at successes) */
    public boolean next() {
        if (gap > 0) {
            gap--;
            return false;
        }
        gap = RunStreams.skip(rng, log1mp);
        return true;
    }
}
