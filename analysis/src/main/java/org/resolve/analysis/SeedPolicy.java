package org.resolve.analysis;

import org.resolve.core.random.Streams;

/** Which seed each run of a designed plan gets. */
public enum SeedPolicy {
    /** Run i gets {@link Streams#replicationSeed}(root, i): independent noise per design point. */
    PER_RUN,
    /**
     * Every run gets {@link Streams#replicationSeed}(root, 0): common random numbers, so differences
     * between design points are the parameters', not the dice's. This removes the model's own noise
     * from sensitivity estimates (which then describe the model at that one stream of noise).
     */
    COMMON;

    /**
     * @param rootSeed the root seed
     * @param run the run index, >= 0
     * @return the run's seed
     */
    public long seed(long rootSeed, int run) {
        return Streams.replicationSeed(rootSeed, this == COMMON ? 0 : run);
    }
}
