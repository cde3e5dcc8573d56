package org.resolve.store;

/**
 * Progress of a sweep, for a progress bar with rate and ETA.
 */
@FunctionalInterface
public interface SweepProgress {
    /** Reports nothing. */
    SweepProgress NONE = (done, total) -> { };

    /**
     * Called as runs finish computing (from any worker thread; {@code done} only grows).
     *
     * @param done runs computed so far in this session
     * @param total runs this session computes (the plan's runs the store did not hold yet)
     */
    void update(int done, int total);

    /**
     * Called after each batch commit, on the thread that called {@link SweepRunner#run}.
     *
     * @param stored runs of the sweep now stored (from earlier sessions too)
     * @param planned runs in the plan
     */
    default void committed(int stored, int planned) {
    }

    /**
     * Called with each run's result as the store receives it, in run-index order, on the thread
     * that called {@link SweepRunner#run} (before the result is written), e.g. to draw fan charts
     * while a sweep runs. Results of runs the store already held are not passed again.
     *
     * @param result one run's result (do not modify it)
     */
    default void result(org.resolve.core.engine.RunResult result) {
    }
}
