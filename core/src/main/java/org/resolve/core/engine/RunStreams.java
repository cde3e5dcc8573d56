package org.resolve.core.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.resolve.core.random.Streams;
import org.resolve.core.random.Streams.Purpose;

/** One replication's random streams, one per process that draws. */
public final class RunStreams {
    public final UniformRandomProvider deployment;
    public final UniformRandomProvider attrition;
    public final UniformRandomProvider casualty;
    public final UniformRandomProvider capture;
    public final UniformRandomProvider desertion;
    public final UniformRandomProvider beliefs;
    public final UniformRandomProvider learning;
    public final UniformRandomProvider families;
    /** Rotation and replacement: the rounding of agent-mode drafts to whole soldiers. */
    public final UniformRandomProvider rotation;
    /** Loyalty samplers per unit type, built on first use for this run's parameters. */
    public final org.apache.commons.rng.sampling.distribution.ContinuousSampler[] loyalty =
            new org.apache.commons.rng.sampling.distribution.ContinuousSampler[4];
    /** Hunger samplers per unit type. */
    /**
     * Whether processes draw once per soldier per day (the straightforward reference) instead of
     * skipping exactly over soldiers to whom nothing happens. The two give the same distributions
     * from different random streams; the reference exists to test that claim.
     */
    public final boolean perSoldier;

    /** @param replicationSeed the value of {@link Streams#replicationSeed} */
    public RunStreams(long replicationSeed) {
        this(replicationSeed, false);
    }

    /**
     * @param replicationSeed the value of {@link Streams#replicationSeed}
     * @param perSoldier one draw per soldier per day instead of exact skipping (see {@link #perSoldier})
     */
    public RunStreams(long replicationSeed, boolean perSoldier) {
        this.perSoldier = perSoldier;
        deployment = Streams.stream(replicationSeed, Purpose.DEPLOYMENT);
        attrition = Streams.stream(replicationSeed, Purpose.ATTRITION);
        casualty = Streams.stream(replicationSeed, Purpose.CASUALTY);
        capture = Streams.stream(replicationSeed, Purpose.CAPTURE);
        desertion = Streams.stream(replicationSeed, Purpose.DESERTION);
        beliefs = Streams.stream(replicationSeed, Purpose.BELIEFS);
        learning = Streams.stream(replicationSeed, Purpose.LEARNING);
        families = Streams.stream(replicationSeed, Purpose.FAMILIES);
        rotation = Streams.stream(replicationSeed, Purpose.ROTATION);
    }

    /**
     * A Poisson draw by inversion, without allocating (means here are small: incidents per day).
     *
     * @param rng the stream
     * @param mean the mean, >= 0
     * @return the count
     */
    public static int poisson(UniformRandomProvider rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
        }
        double u = rng.nextDouble();
        double pk = StrictMath.exp(-mean);
        double cdf = pk;
        int k = 0;
        while (u > cdf && k < 10_000) {
            k++;
            pk *= mean / k;
            cdf += pk;
        }
        return k;
    }

    /**
     * The number of failures before the first success in Bernoulli trials of probability p
     * (a geometric draw by inversion), used to skip exactly over soldiers to whom nothing happens.
     *
     * @param rng the stream
     * @param log1mp {@code log(1 - p)} for p in (0, 1); 0 or positive means p = 0
     * @return the number of trials to skip, {@link Integer#MAX_VALUE} when p is 0
     */
    public static int skip(UniformRandomProvider rng, double log1mp) {
        if (log1mp >= 0) {
            return Integer.MAX_VALUE;
        }
        if (log1mp == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double u = 1 - rng.nextDouble(); // in (0, 1]
        double g = StrictMath.log(u) / log1mp;
        return g >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) g;
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
